// RenderKit's API speaks in YAML nodes and source locations; re-export them so the
// executable and tests need one import.
@_exported import YAML
