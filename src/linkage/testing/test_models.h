#pragma once
// Small models and records shared by the linkage unit tests.

#include <string>
#include <vector>

#include "linkage/model.h"
#include "linkage/prepared_records.h"

namespace vigil::linkage::testing {

// Fields given_name, surname (names), dob (date), postcode, email.
std::vector<FieldSpec> PersonFields();

// A model over PersonFields with a few levels each, m and u set by hand,
// blocking on surname then on dob.
Model PersonModel();

// Prepares `rows` of PersonFields values (id first), all from source 0;
// aborts on failure (test data is known good).
PreparedRecords Prepare(const std::vector<std::vector<std::string>>& rows);

}  // namespace vigil::linkage::testing
