"""The APIs' documentation as plain data for an accessible HTML page (`/daten/api/`),
read from their OpenAPI schemas: every operation with its parameters, request body and
answers, and every data format with its fields. Swagger UI is not served: it fails
WCAG 2.1 AA (contrast, language, nested controls)."""

from __future__ import annotations

from functools import cache
from typing import Any

Json = dict[str, Any]
METHODS = ("get", "post", "put", "patch", "delete")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_of(schema: Json) -> list[tuple[str, str]]:
    """A field's type as parts (text, schema name to link or "")."""
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return [(name, name)]
    if "anyOf" in schema:
        parts: list[tuple[str, str]] = []
        for i, option in enumerate(schema["anyOf"]):
            if i:
                parts.append((" | ", ""))
            parts += type_of(option)
        return parts
    kind = schema.get("type", "object")
    if kind == "array":
        return [("array of ", ""), *type_of(schema.get("items", {}))]
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        inner = type_of(extra) if isinstance(extra, dict) else [("any", "")]
        return [("object of ", ""), *inner]
    return [(str(kind), "")]


def _schema_ref(content: Json | None) -> list[tuple[str, str]]:
    schema = ((content or {}).get("application/json") or {}).get("schema")
    return type_of(schema) if schema else []


def describe(schema: Json) -> Json:
    """Operations and data formats of one OpenAPI schema."""
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method in METHODS:
            op = methods.get(method)
            if op is None:
                continue
            parameters = [
                {
                    "name": p["name"],
                    "where": p.get("in", ""),
                    "type": type_of(p.get("schema", {})),
                    "required": bool(p.get("required")),
                    "default": p.get("schema", {}).get("default"),
                    "description": p.get("description")
                    or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody")
            operations.append(
                {
                    "id": op.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": parameters,
                    "body": _schema_ref(body.get("content")) if body else [],
                    "secured": bool(op.get("security")),
                    "responses": [
                        {
                            "status": status,
                            "description": answer.get("description", ""),
                            "type": _schema_ref(answer.get("content")),
                        }
                        for status, answer in op.get("responses", {}).items()
                    ],
                }
            )
    formats = []
    for name, body in schema.get("components", {}).get("schemas", {}).items():
        required = set(body.get("required", []))
        formats.append(
            {
                "name": name,
                "description": body.get("description", ""),
                "fields": [
                    {
                        "name": field,
                        "type": type_of(spec),
                        "required": field in required,
                        "description": spec.get("description", ""),
                    }
                    for field, spec in body.get("properties", {}).items()
                ],
            }
        )
    info = schema.get("info", {})
    return {
        "title": info.get("title", ""),
        "version": info.get("version", ""),
        "description": info.get("description", ""),
        "operations": operations,
        "formats": formats,
    }


@cache
def documentation() -> list[Json]:
    """Both APIs, described (the schemas only change with the code)."""
    from versprochen.api.api import api
    from versprochen.api.editor import editor_api

    return [
        {**describe(api.get_openapi_schema()), "slug": "api", "openapi": "/api/v1/openapi.json"},
        {
            **describe(editor_api.get_openapi_schema()),
            "slug": "editor-api",
            "openapi": "/api/v1/editor/openapi.json",
        },
    ]
