package pdf

import _ "embed"

// The DejaVu fonts cover the whole Vietnamese alphabet with precomposed letters
// (U+1EA0–U+1EF9 and Latin-1/Latin Extended-A/B). Their licence (Bitstream Vera,
// with DejaVu changes in the public domain) is in fonts/LICENSE and allows
// embedding and redistribution.

//go:embed fonts/DejaVuSans.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var fontBold []byte

// fontFamily is the family name the fonts are registered under in every document.
const fontFamily = "DejaVuSans"
