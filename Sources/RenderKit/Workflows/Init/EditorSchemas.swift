/// The JSON Schemas for editors `render init` writes to `editor-schemas/`, named by the
/// `# yaml-language-server: $schema=` line at the top of each input file it writes.
/// Copies of render's own `editor-schemas/` (a test keeps them equal).
extension ProjectSkeleton {
  /// The schema files by name (`service.schema.json`).
  public static let editorSchemas: [(name: String, contents: String)] = [
    ("environment.schema.json", environmentSchema),
    ("override.schema.json", overrideSchema),
    ("render.schema.json", renderSchema),
    ("service.schema.json", serviceSchema),
    ("template.schema.json", templateSchema),
  ]

  static let environmentSchema = #"""
    {
      "$schema": "https://json-schema.org/draft-07/schema#",
      "$id": "https://render.invalid/editor-schemas/environment.schema.json",
      "title": "environment.yaml",
      "type": "object",
      "properties": {
        "inherits": {
          "type": "string",
          "description": "The parent environment."
        },
        "abstract": {
          "type": "boolean",
          "description": "Never rendered, only inherited."
        },
        "namespace": {
          "type": "string"
        },
        "cluster": {
          "type": "string",
          "description": "The destination reconcilers deploy to."
        },
        "vars": {
          "type": "object",
          "description": "Free-form, visible as env.vars."
        },
        "labels": {
          "type": "object",
          "description": "Added to every resource's metadata.labels.",
          "additionalProperties": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "annotations": {
          "type": "object",
          "description": "Added to every resource's metadata.annotations.",
          "additionalProperties": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "defaults": {
          "type": "object",
          "properties": {
            "values": {
              "type": "object",
              "description": "Template parameters, checked against template.yaml."
            },
            "labels": {
              "type": "object",
              "description": "Labels for every service here.",
              "additionalProperties": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "annotations": {
              "type": "object",
              "description": "Annotations for every service here.",
              "additionalProperties": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "registry": {
              "type": "string",
              "description": "Registry put in front of images that name no registry host."
            },
            "version": {
              "type": "string",
              "description": "Version of every templated service with an image (overrides win)."
            }
          },
          "additionalProperties": false,
          "description": "Applied to every service in this environment."
        },
        "services": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "properties": {
              "version": {
                "type": "string",
                "description": "Image tag or sha256: digest."
              },
              "image": {
                "type": "string",
                "description": "Image repository, no tag."
              },
              "namespace": {
                "type": "string"
              },
              "labels": {
                "type": "object",
                "description": "Labels added to this service's resources here.",
                "additionalProperties": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              },
              "annotations": {
                "type": "object",
                "description": "Annotations added to this service's resources here.",
                "additionalProperties": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              },
              "values": {
                "type": "object",
                "description": "Template parameters, checked against template.yaml."
              },
              "patches": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "target": {
                      "type": "object",
                      "properties": {
                        "kind": {
                          "type": "string",
                          "description": "Resource kind; glob patterns allowed."
                        },
                        "name": {
                          "type": "string",
                          "description": "Resource name; glob patterns allowed."
                        },
                        "group": {
                          "type": "string"
                        },
                        "apiVersion": {
                          "type": "string"
                        },
                        "service": {
                          "type": "string",
                          "description": "Only resources of this service."
                        },
                        "labelSelector": {
                          "type": "string",
                          "description": "A Kubernetes label selector."
                        }
                      },
                      "additionalProperties": false,
                      "description": "Which rendered resources the patch applies to; every field optional."
                    },
                    "merge": {
                      "type": "object",
                      "description": "A Kubernetes strategic merge patch."
                    },
                    "json": {
                      "type": "array",
                      "description": "RFC 6902 operations.",
                      "items": {
                        "type": "object",
                        "properties": {
                          "op": {
                            "enum": [
                              "add",
                              "remove",
                              "replace",
                              "move",
                              "copy",
                              "test"
                            ]
                          },
                          "path": {
                            "type": "string"
                          },
                          "from": {
                            "type": "string"
                          },
                          "value": {}
                        },
                        "additionalProperties": false,
                        "required": [
                          "op",
                          "path"
                        ]
                      }
                    },
                    "optional": {
                      "type": "boolean",
                      "description": "The patch may match nothing (default: matching nothing is an error)."
                    }
                  },
                  "additionalProperties": false,
                  "description": "A patch of rendered manifests (docs/patches.md)."
                },
                "description": "Patches (docs/patches.md)."
              },
              "enabled": {
                "type": "boolean",
                "description": "false: the service is not rendered in this environment."
              }
            },
            "additionalProperties": false,
            "description": "A per-environment override of one service."
          },
          "description": "Per-service overrides."
        },
        "patches": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "target": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string",
                    "description": "Resource kind; glob patterns allowed."
                  },
                  "name": {
                    "type": "string",
                    "description": "Resource name; glob patterns allowed."
                  },
                  "group": {
                    "type": "string"
                  },
                  "apiVersion": {
                    "type": "string"
                  },
                  "service": {
                    "type": "string",
                    "description": "Only resources of this service."
                  },
                  "labelSelector": {
                    "type": "string",
                    "description": "A Kubernetes label selector."
                  }
                },
                "additionalProperties": false,
                "description": "Which rendered resources the patch applies to; every field optional."
              },
              "merge": {
                "type": "object",
                "description": "A Kubernetes strategic merge patch."
              },
              "json": {
                "type": "array",
                "description": "RFC 6902 operations.",
                "items": {
                  "type": "object",
                  "properties": {
                    "op": {
                      "enum": [
                        "add",
                        "remove",
                        "replace",
                        "move",
                        "copy",
                        "test"
                      ]
                    },
                    "path": {
                      "type": "string"
                    },
                    "from": {
                      "type": "string"
                    },
                    "value": {}
                  },
                  "additionalProperties": false,
                  "required": [
                    "op",
                    "path"
                  ]
                }
              },
              "optional": {
                "type": "boolean",
                "description": "The patch may match nothing (default: matching nothing is an error)."
              }
            },
            "additionalProperties": false,
            "description": "A patch of rendered manifests (docs/patches.md)."
          },
          "description": "Patches (docs/patches.md)."
        },
        "external": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            },
            "additionalProperties": false,
            "required": [
              "kind",
              "name"
            ]
          },
          "description": "Objects that exist in the cluster but are not rendered."
        },
        "policy": {
          "type": "object",
          "properties": {
            "rules": {
              "type": "object",
              "additionalProperties": {
                "enum": [
                  "error",
                  "warning",
                  "off"
                ]
              }
            },
            "ignore": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "rule": {
                    "type": "string"
                  },
                  "service": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "rule"
                ]
              }
            },
            "requiredLabels": {
              "type": "array",
              "description": "Labels the labels rule requires.",
              "items": {
                "type": "string"
              }
            }
          },
          "additionalProperties": false,
          "description": "Policy rule severities and exceptions (docs/rules.md)."
        }
      },
      "additionalProperties": false
    }

    """#

  static let overrideSchema = #"""
    {
      "$schema": "https://json-schema.org/draft-07/schema#",
      "$id": "https://render.invalid/editor-schemas/override.schema.json",
      "title": "environments/<env>/<service>.yaml",
      "type": "object",
      "properties": {
        "version": {
          "type": "string",
          "description": "Image tag or sha256: digest."
        },
        "image": {
          "type": "string",
          "description": "Image repository, no tag."
        },
        "namespace": {
          "type": "string"
        },
        "labels": {
          "type": "object",
          "description": "Labels added to this service's resources here.",
          "additionalProperties": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "annotations": {
          "type": "object",
          "description": "Annotations added to this service's resources here.",
          "additionalProperties": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "values": {
          "type": "object",
          "description": "Template parameters, checked against template.yaml."
        },
        "patches": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "target": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string",
                    "description": "Resource kind; glob patterns allowed."
                  },
                  "name": {
                    "type": "string",
                    "description": "Resource name; glob patterns allowed."
                  },
                  "group": {
                    "type": "string"
                  },
                  "apiVersion": {
                    "type": "string"
                  },
                  "service": {
                    "type": "string",
                    "description": "Only resources of this service."
                  },
                  "labelSelector": {
                    "type": "string",
                    "description": "A Kubernetes label selector."
                  }
                },
                "additionalProperties": false,
                "description": "Which rendered resources the patch applies to; every field optional."
              },
              "merge": {
                "type": "object",
                "description": "A Kubernetes strategic merge patch."
              },
              "json": {
                "type": "array",
                "description": "RFC 6902 operations.",
                "items": {
                  "type": "object",
                  "properties": {
                    "op": {
                      "enum": [
                        "add",
                        "remove",
                        "replace",
                        "move",
                        "copy",
                        "test"
                      ]
                    },
                    "path": {
                      "type": "string"
                    },
                    "from": {
                      "type": "string"
                    },
                    "value": {}
                  },
                  "additionalProperties": false,
                  "required": [
                    "op",
                    "path"
                  ]
                }
              },
              "optional": {
                "type": "boolean",
                "description": "The patch may match nothing (default: matching nothing is an error)."
              }
            },
            "additionalProperties": false,
            "description": "A patch of rendered manifests (docs/patches.md)."
          },
          "description": "Patches (docs/patches.md)."
        },
        "enabled": {
          "type": "boolean",
          "description": "false: the service is not rendered in this environment."
        }
      },
      "additionalProperties": false,
      "description": "A per-environment override of one service."
    }

    """#

  static let renderSchema = #"""
    {
      "$schema": "https://json-schema.org/draft-07/schema#",
      "$id": "https://render.invalid/editor-schemas/render.schema.json",
      "title": "render.yaml",
      "type": "object",
      "properties": {
        "output": {
          "type": "string",
          "description": "The output folder (default rendered)."
        },
        "kubernetesVersion": {
          "type": "string",
          "description": "The Kubernetes minor version of the schemas, such as \"1.31\"."
        },
        "schemas": {
          "type": "array",
          "description": "Extra folders of CRDs or Kubernetes JSON schemas.",
          "items": {
            "type": "string"
          }
        },
        "uncheckedGroups": {
          "type": "array",
          "description": "API groups whose resources are not schema-checked.",
          "items": {
            "type": "string"
          }
        },
        "promotion": {
          "type": "array",
          "description": "The order versions travel through environments.",
          "items": {
            "type": "string"
          }
        },
        "argocd": {
          "type": "object",
          "properties": {
            "repoURL": {
              "type": "string"
            },
            "targetRevision": {
              "type": "string"
            },
            "project": {
              "type": "string"
            },
            "namespace": {
              "type": "string"
            },
            "clusters": {
              "type": "object",
              "description": "Cluster name -> API server URL.",
              "additionalProperties": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "syncPolicy": {
              "type": "object",
              "properties": {
                "automated": {
                  "description": "true/false, or {prune, selfHeal, allowEmpty}.",
                  "oneOf": [
                    {
                      "type": "boolean"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "prune": {
                          "type": "boolean"
                        },
                        "selfHeal": {
                          "type": "boolean"
                        },
                        "allowEmpty": {
                          "type": "boolean"
                        }
                      },
                      "additionalProperties": false
                    }
                  ]
                },
                "syncOptions": {
                  "type": "array",
                  "description": "Argo CD sync options such as CreateNamespace=true.",
                  "items": {
                    "type": "string"
                  }
                },
                "retry": {
                  "type": "object",
                  "properties": {
                    "limit": {
                      "type": "integer"
                    },
                    "refresh": {
                      "type": "boolean"
                    },
                    "backoff": {
                      "type": "object",
                      "properties": {
                        "duration": {
                          "type": "string"
                        },
                        "factor": {
                          "type": "integer"
                        },
                        "maxDuration": {
                          "type": "string"
                        }
                      },
                      "additionalProperties": false
                    }
                  },
                  "additionalProperties": false
                }
              },
              "additionalProperties": false,
              "description": "Argo CD syncPolicy of every Application."
            },
            "manifestGeneratePaths": {
              "type": "boolean"
            },
            "applicationSet": {
              "type": "boolean"
            },
            "environments": {
              "type": "object",
              "additionalProperties": {
                "type": "object",
                "properties": {
                  "project": {
                    "type": "string"
                  },
                  "syncPolicy": {
                    "type": "object",
                    "properties": {
                      "automated": {
                        "description": "true/false, or {prune, selfHeal, allowEmpty}.",
                        "oneOf": [
                          {
                            "type": "boolean"
                          },
                          {
                            "type": "object",
                            "properties": {
                              "prune": {
                                "type": "boolean"
                              },
                              "selfHeal": {
                                "type": "boolean"
                              },
                              "allowEmpty": {
                                "type": "boolean"
                              }
                            },
                            "additionalProperties": false
                          }
                        ]
                      },
                      "syncOptions": {
                        "type": "array",
                        "description": "Argo CD sync options such as CreateNamespace=true.",
                        "items": {
                          "type": "string"
                        }
                      },
                      "retry": {
                        "type": "object",
                        "properties": {
                          "limit": {
                            "type": "integer"
                          },
                          "refresh": {
                            "type": "boolean"
                          },
                          "backoff": {
                            "type": "object",
                            "properties": {
                              "duration": {
                                "type": "string"
                              },
                              "factor": {
                                "type": "integer"
                              },
                              "maxDuration": {
                                "type": "string"
                              }
                            },
                            "additionalProperties": false
                          }
                        },
                        "additionalProperties": false
                      }
                    },
                    "additionalProperties": false,
                    "description": "Argo CD syncPolicy of every Application."
                  }
                },
                "additionalProperties": false
              }
            }
          },
          "additionalProperties": false,
          "description": "Write Argo CD Applications (docs/reconcilers.md).",
          "required": [
            "repoURL"
          ]
        },
        "flux": {
          "type": "object",
          "properties": {
            "sourceRef": {
              "type": "object",
              "properties": {
                "kind": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "namespace": {
                  "type": "string"
                }
              },
              "additionalProperties": false,
              "required": [
                "name"
              ]
            },
            "namespace": {
              "type": "string"
            },
            "interval": {
              "type": "string"
            },
            "prune": {
              "type": "boolean"
            },
            "wait": {
              "type": "boolean"
            },
            "timeout": {
              "type": "string"
            },
            "retryInterval": {
              "type": "string"
            },
            "dependsOn": {
              "type": "array",
              "description": "Kustomizations (name or namespace/name) to wait for.",
              "items": {
                "type": "string"
              }
            },
            "bootstrapFolder": {
              "type": "string"
            },
            "environments": {
              "type": "object",
              "description": "Per environment: keys that replace the top level's.",
              "additionalProperties": {
                "type": "object",
                "properties": {
                  "interval": {
                    "type": "string"
                  },
                  "prune": {
                    "type": "boolean"
                  },
                  "wait": {
                    "type": "boolean"
                  },
                  "timeout": {
                    "type": "string"
                  },
                  "retryInterval": {
                    "type": "string"
                  },
                  "dependsOn": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                },
                "additionalProperties": false
              }
            }
          },
          "additionalProperties": false,
          "description": "Write Flux Kustomizations (docs/reconcilers.md).",
          "required": [
            "sourceRef"
          ]
        }
      },
      "additionalProperties": false
    }

    """#

  static let serviceSchema = #"""
    {
      "$schema": "https://json-schema.org/draft-07/schema#",
      "$id": "https://render.invalid/editor-schemas/service.schema.json",
      "title": "service.yaml",
      "type": "object",
      "properties": {
        "template": {
          "type": "string",
          "description": "A folder under templates/."
        },
        "manifests": {
          "type": "string",
          "description": "A folder of plain manifests, instead of template."
        },
        "image": {
          "type": "string",
          "description": "Image repository, no tag."
        },
        "version": {
          "type": "string",
          "description": "Image tag or sha256: digest."
        },
        "labels": {
          "type": "object",
          "description": "Labels added to this service's resources.",
          "additionalProperties": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "annotations": {
          "type": "object",
          "description": "Annotations added to this service's resources.",
          "additionalProperties": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "values": {
          "type": "object",
          "description": "Template parameters, checked against template.yaml."
        },
        "patches": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "target": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string",
                    "description": "Resource kind; glob patterns allowed."
                  },
                  "name": {
                    "type": "string",
                    "description": "Resource name; glob patterns allowed."
                  },
                  "group": {
                    "type": "string"
                  },
                  "apiVersion": {
                    "type": "string"
                  },
                  "service": {
                    "type": "string",
                    "description": "Only resources of this service."
                  },
                  "labelSelector": {
                    "type": "string",
                    "description": "A Kubernetes label selector."
                  }
                },
                "additionalProperties": false,
                "description": "Which rendered resources the patch applies to; every field optional."
              },
              "merge": {
                "type": "object",
                "description": "A Kubernetes strategic merge patch."
              },
              "json": {
                "type": "array",
                "description": "RFC 6902 operations.",
                "items": {
                  "type": "object",
                  "properties": {
                    "op": {
                      "enum": [
                        "add",
                        "remove",
                        "replace",
                        "move",
                        "copy",
                        "test"
                      ]
                    },
                    "path": {
                      "type": "string"
                    },
                    "from": {
                      "type": "string"
                    },
                    "value": {}
                  },
                  "additionalProperties": false,
                  "required": [
                    "op",
                    "path"
                  ]
                }
              },
              "optional": {
                "type": "boolean",
                "description": "The patch may match nothing (default: matching nothing is an error)."
              }
            },
            "additionalProperties": false,
            "description": "A patch of rendered manifests (docs/patches.md)."
          },
          "description": "Patches (docs/patches.md)."
        },
        "enabled": {
          "type": "boolean",
          "description": "false: off unless an environment switches it on (default true)."
        }
      },
      "additionalProperties": false
    }

    """#

  static let templateSchema = #"""
    {
      "$schema": "https://json-schema.org/draft-07/schema#",
      "$id": "https://render.invalid/editor-schemas/template.schema.json",
      "title": "template.yaml",
      "type": "object",
      "properties": {
        "description": {
          "type": "string"
        },
        "parameters": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "description": "A JSON-Schema subset.",
            "properties": {
              "type": {},
              "default": {},
              "enum": {},
              "minimum": {},
              "maximum": {},
              "pattern": {},
              "properties": {},
              "items": {},
              "required": {},
              "additionalProperties": {},
              "description": {},
              "mergeKey": {
                "type": "string",
                "description": "For a list of mappings: the field that names an item, so layers merge items by it."
              }
            },
            "additionalProperties": false
          }
        },
        "files": {
          "type": "object",
          "description": "Per file: when to render it.",
          "additionalProperties": {
            "type": "object",
            "properties": {
              "when": {
                "type": "string",
                "description": "An expression such as values.ingress != null."
              }
            },
            "additionalProperties": false
          }
        }
      },
      "additionalProperties": false
    }

    """#
}
