// Package support is the help delivered to poor and near-poor households: the
// catalogue of support types (each with the agency that delivers it and the
// deprivation indicators it addresses), the support records per person or household,
// the matching of an agency's beneficiary list against the registry, and the gap
// worklists (who is deprived on an agency's indicators and not yet supported this
// year). The lists count the RECOGNISED status (the commune's decision), never the
// survey result alone.
package support
