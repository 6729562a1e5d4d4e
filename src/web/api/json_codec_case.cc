// The JSON form of a case and of the tasks and notes on it.

#include "core/time.h"
#include "web/api/json_codec.h"
#include "web/api/json_codec_internal.h"
#include "web/api/json_reader.h"

namespace vigil::web::api {

nlohmann::json EncodeCase(const domain::Case& value) {
  return {
      {"id", value.id.value},
      {"version", value.version},
      {"force", value.force},
      {"title", value.title},
      {"owner", value.owner},
      {"supervisor", value.supervisor},
      {"status", domain::CaseStatusName(value.status)},
      {"closure_reason", value.closure_reason},
      {"created_at", core::FormatTimestamp(value.created_at)},
      {"updated_at", core::FormatTimestamp(value.updated_at)},
  };
}

nlohmann::json EncodeTask(const domain::Task& task) {
  return {
      {"id", task.id.value},
      {"version", task.version},
      {"case_id", task.case_id.value},
      {"text", task.text},
      {"owner_role", task.owner_role},
      {"owner", task.owner},
      {"due_at", internal::EncodeOptionalTimestamp(task.due_at)},
      {"done", task.done},
      {"done_at", internal::EncodeOptionalTimestamp(task.done_at)},
      {"done_by", task.done_by},
      {"action_id",
       task.action_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(task.action_id)},
      {"screening_id",
       task.screening_id ? nlohmann::json(task.screening_id->value) : nlohmann::json(nullptr)},
      {"created_at", core::FormatTimestamp(task.created_at)},
      {"updated_at", core::FormatTimestamp(task.updated_at)},
  };
}

nlohmann::json EncodeNote(const domain::Note& note) {
  return {
      {"id", note.id.value},
      {"case_id", note.case_id.value},
      {"author", note.author},
      {"text", note.text},
      {"created_at", core::FormatTimestamp(note.created_at)},
  };
}

core::Result<domain::Case> DecodeCase(const nlohmann::json& json) {
  core::ErrorCollector errors;
  domain::Case value;
  JsonReader reader(json, "", errors);
  reader.ServerOwned({"id", "version", "created_at", "updated_at", "status", "closure_reason"});
  reader.Read("force", value.force);
  reader.Read("title", value.title, Presence::kRequired);
  reader.Read("owner", value.owner);
  reader.Read("supervisor", value.supervisor);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The case is not valid."));
  return value;
}

core::Result<domain::Task> DecodeTask(const nlohmann::json& json) {
  core::ErrorCollector errors;
  domain::Task task;
  JsonReader reader(json, "", errors);
  reader.ServerOwned({"id", "version", "created_at", "updated_at", "done", "done_at", "done_by"});
  reader.Read("case_id", task.case_id);
  reader.Read("text", task.text, Presence::kRequired);
  reader.Read("owner_role", task.owner_role);
  reader.Read("owner", task.owner);
  reader.Read("due_at", task.due_at);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The task is not valid."));
  return task;
}

core::Result<domain::Note> DecodeNote(const nlohmann::json& json) {
  core::ErrorCollector errors;
  domain::Note note;
  JsonReader reader(json, "", errors);
  reader.ServerOwned({"id", "author", "created_at"});
  reader.Read("case_id", note.case_id);
  reader.Read("text", note.text, Presence::kRequired);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The note is not valid."));
  return note;
}

}  // namespace vigil::web::api
