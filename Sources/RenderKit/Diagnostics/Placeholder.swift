@_exported import YAML
