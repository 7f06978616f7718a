#!/usr/bin/env python3
"""Regenerates render's bundled Kubernetes JSON schemas.

The schemas come from PyPI's `kubernetes-validate` (Apache-2.0), which ships
kubeconform-style JSON schemas for several Kubernetes versions. We take the
`-local-strict` flavour (every object sets `additionalProperties: false`), keep only
`_definitions.json` (every kind's schema is one of its definitions, found through
`x-kubernetes-group-version-kind`) and strip everything validation and strategic merge
do not read: descriptions alone are three quarters of the file.

The result is written as Swift source (a raw string literal holding compact JSON, one
definition per line) so the `render` binary carries its schemas wherever it is copied,
and so a Kubernetes upgrade shows up as a readable diff.

Usage:
    Scripts/update-kubernetes-schema.py                       # 1.31.0 from kubernetes-validate 1.37.0
    Scripts/update-kubernetes-schema.py --kubernetes 1.32.0
    Scripts/update-kubernetes-schema.py --wheel /tmp/kv/kubernetes_validate-1.37.0-py3-none-any.whl
    Scripts/update-kubernetes-schema.py --json /tmp/bundle.json   # also write the plain JSON

Without --wheel the wheel is fetched with `pip download kubernetes-validate==VERSION
--no-deps`. Output is deterministic: the same wheel gives the same bytes.
"""

import argparse
import glob
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_DIR = os.path.join(ROOT, "Sources", "RenderKit", "Validate", "Schema")
SWIFT_OUT = os.path.join(SCHEMA_DIR, "KubernetesSchemaBundle.swift")
NOTES_OUT = os.path.join(SCHEMA_DIR, "SCHEMA-SOURCE.md")

# Keywords whose value is one schema.
SCHEMA_KEYWORDS = {"items", "additionalProperties", "not"}
# Keywords whose value is a list of schemas.
SCHEMA_LIST_KEYWORDS = {"allOf", "anyOf", "oneOf"}
# Keywords whose value is a map from names to schemas.
SCHEMA_MAP_KEYWORDS = {"properties", "$defs", "definitions"}
# Keywords kept as they are. Everything else (description, default, $schema, $id,
# x-kubernetes-map-type, x-kubernetes-unions, ...) does not change what is valid or how a
# list merges.
VALUE_KEYWORDS = {
    "$ref",
    "type",
    "required",
    "enum",
    "format",
    "nullable",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "x-kubernetes-int-or-string",
    "x-kubernetes-preserve-unknown-fields",
    "x-kubernetes-embedded-resource",
    "x-kubernetes-patch-merge-key",
    "x-kubernetes-patch-strategy",
    "x-kubernetes-list-type",
    "x-kubernetes-list-map-keys",
    "x-kubernetes-group-version-kind",
}


def strip(schema):
    """The schema with only the keywords validation and merging read."""
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise ValueError(f"not a schema: {schema!r:.80}")
    result = {}
    for key, value in schema.items():
        if key in SCHEMA_KEYWORDS:
            result[key] = strip(value)
        elif key in SCHEMA_LIST_KEYWORDS:
            result[key] = [strip(item) for item in value]
        elif key in SCHEMA_MAP_KEYWORDS:
            result[key] = {name: strip(item) for name, item in value.items()}
        elif key in VALUE_KEYWORDS:
            result[key] = value
    return result


def compact(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def fetch_wheel(package_version, directory):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"kubernetes-validate=={package_version}",
         "--no-deps", "--only-binary", ":all:", "-d", directory],
        check=True,
    )
    wheels = glob.glob(os.path.join(directory, f"kubernetes_validate-{package_version}-*.whl"))
    if not wheels:
        sys.exit(f"pip did not produce a kubernetes_validate {package_version} wheel")
    return wheels[0]


def read_definitions(wheel, kubernetes_version):
    member = (f"kubernetes_validate/kubernetes-json-schema/"
              f"v{kubernetes_version}-local-strict/_definitions.json")
    with zipfile.ZipFile(wheel) as archive:
        try:
            raw = archive.read(member)
        except KeyError:
            versions = sorted({name.split("/")[2] for name in archive.namelist()
                               if name.count("/") >= 3 and name.endswith("-local-strict/_definitions.json")})
            sys.exit(f"{member} is not in {os.path.basename(wheel)}; it has {', '.join(versions)}")
    return raw, json.loads(raw)


def bundle_text(document, kubernetes_version, package_version, source_sha256):
    """Compact JSON, one definition per line, sorted: diffs between versions stay readable."""
    definitions = strip(document)["$defs"]
    lines = ["{", compact("x-render-source") + ":" + compact({
        "package": f"kubernetes-validate {package_version}",
        "flavour": f"v{kubernetes_version}-local-strict",
        "sha256": source_sha256,
        "licence": "Apache-2.0",
    }) + ",", compact("x-kubernetes-version") + ":" + compact(kubernetes_version) + ",",
        '"$defs":{']
    names = sorted(definitions)
    for index, name in enumerate(names):
        separator = "," if index < len(names) - 1 else ""
        lines.append(compact(name) + ":" + compact(definitions[name]) + separator)
    lines.append("}}")
    return "\n".join(lines) + "\n"


def swift_source(text, kubernetes_version, package_version, source_sha256):
    delimiter = "##"
    # Lines indented like the closing delimiter, which Swift strips: the string is the
    # same, and the file is already as swift-format would lay it out.
    body = "".join("    " + line + "\n" for line in text.splitlines())
    # The raw string ends at `"""##` and interpolates at `\##(`; neither can occur in JSON
    # produced by json.dumps, but check rather than trust.
    if '"""' + delimiter in text or "\\" + delimiter in text:
        sys.exit("bundle text contains the raw string delimiter")
    return (
        "// Generated by Scripts/update-kubernetes-schema.py. Do not edit.\n"
        f"// Kubernetes {kubernetes_version} JSON schemas from kubernetes-validate {package_version}\n"
        f"// (v{kubernetes_version}-local-strict/_definitions.json, sha256 {source_sha256}),\n"
        "// Apache-2.0; see SCHEMA-SOURCE.md.\n"
        "//\n"
        "// One string literal, not a nested Swift literal: the compiler only copies its bytes,\n"
        "// so this file costs almost nothing to build.\n"
        "\n"
        "/// The bundled Kubernetes schemas as compact JSON (a JSON Schema document whose\n"
        "/// `$defs` hold every definition).\n"
        "enum KubernetesSchemaBundle {\n"
        f"  static let kubernetesVersion = \"{kubernetes_version}\"\n"
        "\n"
        f"  static let json = {delimiter}\"\"\"\n"
        f"{body}"
        f"    \"\"\"{delimiter}\n"
        "}\n"
    )


NOTES = """# Bundled Kubernetes schemas

`KubernetesSchemaBundle.swift` and this file are generated by
`Scripts/update-kubernetes-schema.py`; do not edit them. Regenerate with

    Scripts/update-kubernetes-schema.py --kubernetes {kubernetes} --package {package}

| | |
|---|---|
| Kubernetes version | {kubernetes} |
| Source | PyPI package [`kubernetes-validate`](https://pypi.org/project/kubernetes-validate/) {package}, `{wheel}` |
| File | `{member}` ({size:,} bytes) |
| sha256 of that file | `{sha256}` |
| Licence | Apache-2.0 (kubernetes-validate, and the Kubernetes OpenAPI definitions its schemas are generated from) |
| Upstream | https://github.com/willthames/kubernetes-validate |

## What the script changes

- Takes only `_definitions.json` of the `-local-strict` flavour (objects say
  `additionalProperties: false`). Each kind's schema is the definition carrying its
  `x-kubernetes-group-version-kind`; the per-kind files only point at those.
- Keeps, at every schema position: `$ref`, `type`, `properties`, `additionalProperties`,
  `items`, `required`, `enum`, `format`, `nullable`, `allOf`/`anyOf`/`oneOf`/`not`,
  numeric and size bounds, `pattern`, `uniqueItems`, `x-kubernetes-int-or-string`,
  `x-kubernetes-preserve-unknown-fields`, `x-kubernetes-embedded-resource`,
  `x-kubernetes-patch-merge-key`, `x-kubernetes-patch-strategy`,
  `x-kubernetes-list-type`, `x-kubernetes-list-map-keys`,
  `x-kubernetes-group-version-kind`.
- Drops everything else: `description` (three quarters of the size), `default`,
  `$schema`, `$id`, `x-kubernetes-map-type`, `x-kubernetes-unions`.
- Writes compact JSON with sorted keys, one definition per line ({json_size:,} bytes for
  {definitions} definitions), as a raw string literal in Swift source, so the schemas
  travel inside the `render` binary and an upgrade diffs by definition.

## Known gaps of this source

- The definitions come from Kubernetes' Swagger 2.0 spec, which has no `enum` on fields:
  only `apiVersion` and `kind` are enumerated, so `imagePullPolicy: Always2` passes the
  schema (the API server would reject it).
- `format` is checked for `int32` (range) and `byte` (base64); `Quantity` strings are
  checked against Kubernetes' quantity grammar by the compiler, which the schema itself
  cannot express. Other formats (`date-time`, `int64`, `double`) are not checked.
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kubernetes", default="1.31.0", help="Kubernetes version (default 1.31.0)")
    parser.add_argument("--package", default="1.37.0", help="kubernetes-validate version (default 1.37.0)")
    parser.add_argument("--wheel", help="a downloaded kubernetes_validate wheel (otherwise pip downloads it)")
    parser.add_argument("--swift", default=SWIFT_OUT, help="Swift file to write")
    parser.add_argument("--notes", help="provenance notes to write (default: SCHEMA-SOURCE.md "
                        "beside the default Swift file; none for another --swift)")
    parser.add_argument("--json", help="also write the plain JSON bundle here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        wheel = args.wheel or fetch_wheel(args.package, scratch)
        raw, document = read_definitions(wheel, args.kubernetes)
        wheel_name = os.path.basename(wheel)
    source_sha256 = hashlib.sha256(raw).hexdigest()
    text = bundle_text(document, args.kubernetes, args.package, source_sha256)
    json.loads(text)  # the line layout must still be one JSON document

    source = swift_source(text, args.kubernetes, args.package, source_sha256)
    with open(args.swift, "w", encoding="utf-8", newline="\n") as out:
        out.write(source)
    notes = args.notes or (NOTES_OUT if args.swift == SWIFT_OUT else None)
    if notes:
        with open(notes, "w", encoding="utf-8", newline="\n") as out:
            out.write(NOTES.format(
                kubernetes=args.kubernetes, package=args.package, wheel=wheel_name,
                member=(f"kubernetes_validate/kubernetes-json-schema/"
                        f"v{args.kubernetes}-local-strict/_definitions.json"),
                size=len(raw), sha256=source_sha256, json_size=len(text),
                definitions=len(document["$defs"])))
    if args.json:
        with open(args.json, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
    print(f"{os.path.relpath(args.swift, ROOT)}: {len(document['$defs'])} definitions, "
          f"{len(text):,} bytes of JSON (source {len(raw):,} bytes, sha256 {source_sha256[:12]})")


if __name__ == "__main__":
    main()
