// Command giamngheo is the one binary of the poverty-reduction system: the web server,
// migrations, accounts, administrative units and the poverty calculator.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"giamngheo"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(profiled(func() int { return run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }))
}

const usage = `giamngheo — quản lý giảm nghèo bền vững / sustainable poverty reduction

Cách dùng / Usage:
  giamngheo serve    [--addr 127.0.0.1:8080] [--db ./giamngheo.db | postgres://…] [--no-demo]
  giamngheo migrate  [--db …]
  giamngheo user     add|passwd|disable|enable|list|token|tokens|revoke … [--db …]
  giamngheo units    load [--provinces 30,31|all] | import FILE [--effective D] | list [--date D] [--parent CODE] | mapping CODE [--db …]
  giamngheo import   FILE.csv|FILE.xlsx [--skip-invalid] [--report report.xlsx] | import template [--format csv] > mau.xlsx
  giamngheo export   [--format xlsx|csv] [--commune CODE] [--class poor] [--as USER] [--out FILE]
  giamngheo demo     generate --province 30 --households N --seed S --out DIR [--date 2024-10-01] [--format csv|xlsx]
  giamngheo classify [--standard ID | --date YYYY-MM-DD] < households.jsonl
  giamngheo simulate --standard 2027-2030 [--standards-file F] [--unit CODE] [--date D] [--cost …] --format xlsx|csv|json -o FILE
  giamngheo rollup   verify | rebuild [--db …]
  giamngheo report   list | NAME --unit CODE --period 2025 [--format xlsx|csv|json] [-o FILE] [--db …]
  giamngheo analysis [--unit CODE] [--period 2026] [--k 1/3] [--weights dimension|indicator] [--format text|json] [--db …]
  giamngheo plan     seed --province 31 --year 2023 | copy --province 31 --from 2023 --to 2024 | show [--db …]
  giamngheo version

Biến môi trường / Environment: GIAMNGHEO_ADDR, GIAMNGHEO_DB, GIAMNGHEO_NO_DEMO, GIAMNGHEO_LOG_FORMAT (text|json),
  GIAMNGHEO_AF_K (ngưỡng k mặc định / default cut-off, 1/3), GIAMNGHEO_AF_WEIGHTS (dimension|indicator|chỉ_số:trọng_số,…),
  GIAMNGHEO_ETHNIC_BY (head|any), GIAMNGHEO_MAJORITY_ETHNICITIES (Kinh), GIAMNGHEO_WORKING_AGE_MIN (15): đặc điểm hộ / household traits,
  GIAMNGHEO_CPUPROFILE (ghi hồ sơ CPU vào tệp / write a CPU profile to the file, for benchmarks),
  GIAMNGHEO_NOW (đặt đồng hồ, chỉ để thử / set the clock, for testing only: 2027-01-02 or 2027-01-02T10:00:00+07:00)
`

// run dispatches a subcommand and returns the exit code. Errors are printed as the
// user's message (Vietnamese, then English), never as a stack trace.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	clock, err := envClock()
	if err != nil {
		printError(stderr, err)
		return 2
	}
	ctx = withClock(ctx, clock)
	switch args[0] {
	case "serve":
		err = runServe(ctx, args[1:], stdout, stderr)
	case "migrate":
		err = runMigrate(ctx, args[1:], stdout)
	case "user":
		err = runUser(ctx, args[1:], stdin, stdout)
	case "units":
		err = runUnits(ctx, args[1:], stdout)
	case "import":
		err = runImport(ctx, args[1:], stdout, stderr)
	case "demo":
		err = runDemo(ctx, args[1:], stdout, stderr)
	case "export":
		err = runExport(ctx, args[1:], stdout, stderr)
	case "simulate":
		err = runSimulate(ctx, args[1:], stdout, stderr)
	case "rollup":
		err = runRollup(ctx, args[1:], stdout, stderr)
	case "report":
		err = runReport(ctx, args[1:], stdout, stderr)
	case "analysis":
		err = runAnalysis(ctx, args[1:], stdout, stderr)
	case "plan":
		err = runPlan(ctx, args[1:], stdout, stderr)
	case "classify":
		err = runClassify(ctx, args[1:], stdin, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "giamngheo", giamngheo.Version)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		printError(stderr, giamngheo.Errorf(giamngheo.EINVALID, "Lệnh không rõ: %s.", "Unknown command: %s.", args[0]))
		fmt.Fprint(stderr, "\n"+usage)
		return 2
	}
	if err != nil {
		printError(stderr, err)
		return 1
	}
	return 0
}

// errSilent marks an error already reported to the user.
var errSilent = errors.New("reported")

func printError(w io.Writer, err error) {
	if errors.Is(err, errSilent) {
		return
	}
	var e *giamngheo.Error
	if errors.As(err, &e) {
		fmt.Fprintf(w, "Lỗi: %s\nError: %s\n", e.Message, giamngheo.ErrorMessageEN(err))
		return
	}
	fmt.Fprintf(w, "Lỗi: %v\nError: %v\n", err, err)
}
