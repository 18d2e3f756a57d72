'use strict';
// The mapping table between the C ABI's snake_case vocabulary and JS's
// camelCase: event types (`agent_state` -> 'agentState'), JSON keys
// (`call_id` -> callId) and enum names. The one place that knows.

function camel(name) {
  return name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function snake(name) {
  return name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

// Deep copy with camelCase keys, except inside maps of host data
// (`fields`), whose keys belong to the host.
function toCamel(value, key) {
  if (Array.isArray(value)) return value.map((v) => toCamel(v));
  if (value === null || typeof value !== 'object' || key === 'fields') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[camel(k)] = toCamel(v, k);
  return out;
}

function toSnake(value, key) {
  if (Array.isArray(value)) return value.map((v) => toSnake(v));
  if (value === null || typeof value !== 'object' || key === 'fields') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[snake(k)] = toSnake(v, k);
  return out;
}

module.exports = { camel, snake, toCamel, toSnake };
