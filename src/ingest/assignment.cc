#include "ingest/assignment.h"

#include "absl/strings/ascii.h"
#include "ingest/text_util.h"
#include "boost/json.hpp"

namespace dialer::ingest {
namespace {

absl::StatusOr<std::vector<std::string>> StringArray(
    const boost::json::object& object, std::string_view key,
    std::string_view where) {
  std::vector<std::string> out;
  const boost::json::value* v = object.if_contains(key);
  if (v == nullptr) return out;
  const boost::json::array* array = v->if_array();
  if (array == nullptr) {
    return absl::InvalidArgumentError(
        Cat(where, ": '", key, "' is not an array of strings"));
  }
  for (const boost::json::value& item : *array) {
    if (const boost::json::string* s = item.if_string()) {
      out.emplace_back(*s);
    } else {
      return absl::InvalidArgumentError(
          Cat(where, ": '", key, "' holds a non-string"));
    }
  }
  return out;
}

bool Matches(std::string_view value, const std::vector<std::string>& patterns) {
  if (value.empty()) return false;
  for (const std::string& p : patterns) {
    if (!p.empty() && p.back() == '*') {
      if (StartsWithIgnoreCase(value, std::string_view(p).substr(0, p.size() - 1))) {
        return true;
      }
    } else if (EqualsIgnoreCase(value, p)) {
      return true;
    }
  }
  return false;
}

}  // namespace

absl::StatusOr<AssignmentOptions> ParseAssignmentJson(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value root = boost::json::parse(json, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        Cat("assignment rules are not valid JSON: ", ec.message()));
  }
  const boost::json::object* object = root.if_object();
  if (object == nullptr) {
    return absl::InvalidArgumentError("assignment rules must be a JSON object");
  }
  AssignmentOptions options;
  absl::StatusOr<std::vector<std::string>> pool =
      StringArray(*object, "agents", "assignment");
  if (!pool.ok()) return pool.status();
  options.fallback_agents = *std::move(pool);
  if (const boost::json::value* rules = object->if_contains("rules")) {
    const boost::json::array* array = rules->if_array();
    if (array == nullptr) {
      return absl::InvalidArgumentError("assignment: 'rules' is not an array");
    }
    for (size_t i = 0; i < array->size(); ++i) {
      const std::string where = Cat("assignment rule ", i + 1);
      const boost::json::object* r = (*array)[i].if_object();
      if (r == nullptr) {
        return absl::InvalidArgumentError(Cat(where, " is not an object"));
      }
      TerritoryRule rule;
      if (const boost::json::value* f = r->if_contains("field");
          f != nullptr && f->is_string()) {
        rule.field = std::string(f->get_string());
      }
      if (const boost::json::value* t = r->if_contains("team");
          t != nullptr && t->is_string()) {
        rule.team = std::string(t->get_string());
      }
      absl::StatusOr<std::vector<std::string>> values =
          StringArray(*r, "values", where);
      if (!values.ok()) return values.status();
      rule.values = *std::move(values);
      absl::StatusOr<std::vector<std::string>> agents =
          StringArray(*r, "agents", where);
      if (!agents.ok()) return agents.status();
      rule.agents = *std::move(agents);
      options.rules.push_back(std::move(rule));
    }
  }
  return options;
}

absl::StatusOr<Assigner> Assigner::Create(AssignmentOptions options) {
  for (size_t i = 0; i < options.rules.size(); ++i) {
    const TerritoryRule& rule = options.rules[i];
    const std::string where =
        Cat("assignment rule ", i + 1, " (field '", rule.field, "')");
    if (rule.field.empty()) {
      return absl::InvalidArgumentError(Cat(where, " names no field"));
    }
    if (rule.values.empty()) {
      return absl::InvalidArgumentError(Cat(where, " has no values"));
    }
    if (rule.agents.empty() == rule.team.empty()) {
      return absl::InvalidArgumentError(
          Cat(where, " needs exactly one of agents or team"));
    }
  }
  return Assigner(std::move(options));
}

std::string Assigner::FieldValue(const Contact& contact, std::string_view field) {
  if (field == "state") return contact.state;
  if (field == "zip") return contact.zip;
  if (field == "time_zone") return contact.time_zone;
  if (field == "company") return contact.company;
  if (field == "title") return contact.title;
  if (field == "area_code") {
    // NANP only: "+1" then the three-digit NPA.
    if (contact.phone.size() == 12 && contact.phone.starts_with("+1")) {
      return contact.phone.substr(2, 3);
    }
    return "";
  }
  if (field == "email_domain") {
    const size_t at = contact.email.find('@');
    return at == std::string::npos ? "" : contact.email.substr(at + 1);
  }
  auto it = contact.fields.find(std::string(field));
  return it == contact.fields.end() ? "" : it->second;
}

void Assigner::Assign(Contact* contact) {
  for (size_t i = 0; i < options_.rules.size(); ++i) {
    const TerritoryRule& rule = options_.rules[i];
    if (!Matches(FieldValue(*contact, rule.field), rule.values)) continue;
    if (!rule.team.empty()) {
      contact->fields["team"] = rule.team;
    } else {
      contact->assigned_agent = rule.agents[cursors_[i]++ % rule.agents.size()];
    }
    return;
  }
  const std::vector<std::string>& pool = options_.fallback_agents;
  if (!pool.empty()) {
    contact->assigned_agent = pool[cursors_.back()++ % pool.size()];
  }
}

}  // namespace dialer::ingest
