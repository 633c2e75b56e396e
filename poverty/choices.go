package poverty

// Choice is one allowed answer of a closed survey question with its labels, for forms
// and import templates.
type Choice struct {
	Value string
	Label Text
}

func choicesOf[T ~string](l []label[T]) []Choice {
	out := make([]Choice, len(l))
	for i, x := range l {
		out[i] = Choice{Value: string(x.v), Label: x.t}
	}
	return out
}

// SexChoices lists the answers of the sex question.
func SexChoices() []Choice { return choicesOf(sexes) }

// SchoolingChoices lists the answers of the schooling question.
func SchoolingChoices() []Choice { return choicesOf(schoolings) }

// EmploymentChoices lists the answers of the employment question.
func EmploymentChoices() []Choice { return choicesOf(employments) }

// WaterSourceChoices lists the answers of the water-source question.
func WaterSourceChoices() []Choice { return choicesOf(waterSources) }

// LatrineChoices lists the answers of the latrine question.
func LatrineChoices() []Choice { return choicesOf(latrines) }

// DeviceChoices lists the information devices.
func DeviceChoices() []Choice { return choicesOf(devices) }
