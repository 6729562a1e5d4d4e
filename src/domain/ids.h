#pragma once
// The id type of each kind of domain record.

#include "core/ids.h"

namespace vigil::domain {

using PersonId = core::Id<struct PersonTag>;
using ReportId = core::Id<struct ReportTag>;
using OccasionId = core::Id<struct OccasionTag>;
using CaseId = core::Id<struct CaseTag>;
using TaskId = core::Id<struct TaskTag>;
using NoteId = core::Id<struct NoteTag>;
using AuditEventId = core::Id<struct AuditEventTag>;
using ScreeningId = core::Id<struct ScreeningTag>;

}  // namespace vigil::domain
