/// `plaintext-secret`: no secret values in rendered output, which is committed to git.
struct PlaintextSecretRule: PolicyRule {
  let id: RuleID = .plaintextSecret
  let summary = """
    No Secret with data or stringData is rendered, and no container has a literal env \
    value that looks like a secret.
    """
  let rationale = """
    Everything render writes is committed to git, where every clone keeps it forever: a \
    Secret's data is only base64, and a password in an env var is plain text. Secrets \
    belong in the cluster (External Secrets, Sealed Secrets, SOPS), referenced by name \
    and listed under `external:`. An env var looks like a secret when a word of its name \
    is PASSWORD, SECRET, TOKEN, CREDENTIALS, API_KEY or PRIVATE_KEY (`DB_PASSWORD`, \
    `apiKey`), unless a later word says it is about the secret rather than the secret \
    itself (`PASSWORD_FILE`, `TOKEN_TTL`, `SECRET_NAME`, `API_KEY_HEADER`...), and its \
    value is not empty, a number, a boolean, an absolute path, a URL without a literal \
    password, or `$(VAR)` references with only word-like text beside them (`Bearer \
    $(TOKEN)` passes, `$(PREFIX)_4eC39HqLyjWD` does not).
    """
  let defaultSeverity = RuleSeverity.error

  /// Names (as words) that make an env var a secret.
  static let secretTerms: [[String]] = [
    ["password"], ["passwords"], ["secret"], ["secrets"], ["token"], ["tokens"],
    ["credential"], ["credentials"], ["api", "key"], ["apikey"], ["private", "key"],
    ["privatekey"],
  ]

  /// Words that, after the secret word, make the name about the secret rather than the
  /// secret itself: where it is, what it is called, how long it lives.
  static let qualifiers: Set<String> = [
    "file", "path", "dir", "directory", "mount", "ref", "name", "id", "env",
    "url", "uri", "endpoint", "host", "header", "prefix", "type", "format", "algorithm",
    "ttl", "lifetime", "expiry", "expires", "expiration", "timeout", "duration",
    "interval", "rotation", "seconds", "secs", "ms", "minutes", "hours", "days",
    "length", "len", "min", "max", "size", "count", "policy", "mode", "version",
    "enabled", "enable", "disabled", "required",
  ]

  static let booleanWords: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "enabled", "disabled",
  ]

  var examples: [RuleExample] {
    [
      RuleExample(
        "a Secret with data", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Secret
          metadata: {name: db}
          type: Opaque
          data:
            password: aHVudGVyMg==
          """),
      RuleExample(
        "a password as a literal env value", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              env:
              - {name: DB_PASSWORD, value: hunter2}
          """),
      RuleExample(
        "a camelCase API key, and a URL with a password in it", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              env:
              - {name: stripeApiKey, value: sk_live_4eC39HqLyjWDarjtT1zdp7dc}
              - {name: AUTH_TOKEN_URL, value: "https://bot:s3cret@auth.example.com/token"}
          """),
      RuleExample(
        "a literal key next to a reference", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              env:
              - {name: KEY_PREFIX, value: sk_live}
              - {name: STRIPE_API_KEY, value: "$(KEY_PREFIX)_4eC39HqLyjWDarjt"}
          """),
      RuleExample(
        "secrets referenced from a Secret in the cluster", triggers: false,
        external: ["Secret/db"],
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              env:
              - name: DB_PASSWORD
                valueFrom: {secretKeyRef: {name: db, key: password}}
              - {name: DATABASE_URL, value: "postgres://app:$(DB_PASSWORD)@db:5432/shop"}
              - {name: AUTH_TOKEN, value: "Bearer $(API_TOKEN)"}
          """),
      RuleExample(
        "names about a secret, and values that are not one", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              env:
              - {name: PASSWORD_FILE, value: /etc/web/db-password}
              - {name: TOKEN_TTL, value: "3600"}
              - {name: API_KEY_HEADER, value: X-Api-Key}
              - {name: REQUIRE_TOKEN, value: "true"}
              - {name: TOKEN_SERVICE, value: "http://auth.internal:8080"}
              - {name: TOKENIZER, value: wordpiece}
          """),
      RuleExample(
        "a Secret without data (filled in by the cluster)", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Secret
          metadata:
            name: build-robot
            annotations: {kubernetes.io/service-account.name: build-robot}
          type: kubernetes.io/service-account-token
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for rendered in context.checked
    where rendered.kind == "Secret" && rendered.group.isEmpty {
      for field in ["data", "stringData"] {
        guard let data = rendered.body[field], let entries = data.mapping, !entries.isEmpty
        else { continue }
        findings.append(
          context.finding(
            id,
            "\(rendered.resource.displayName) has \(field) in rendered output: anyone who can read the repository can read \(entries.count == 1 ? "it" : "them")",
            in: rendered, at: [.key(field)],
            help:
              "create the Secret in the cluster (External Secrets, Sealed Secrets, SOPS), list it under 'external:' in environment.yaml and reference it by name"
          ))
      }
    }
    for workload in Workload.all(in: context) {
      for container in workload.pod.containers {
        for (index, variable) in (container.node["env"]?.sequence ?? []).enumerated() {
          guard let name = variable["name"]?.string, let value = variable["value"],
            Self.looksLikeSecret(name: name, value: value)
          else { continue }
          findings.append(
            context.finding(
              id,
              "\(workload.describe(container)) sets '\(name)' to a literal value that looks like a secret",
              in: workload.resource,
              at: container.path + [.key("env"), .index(index), .key("value")],
              help:
                "read it from a Secret with valueFrom.secretKeyRef, and list the Secret under 'external:' in environment.yaml; if the value is not secret, add a policy.ignore entry"
            ))
        }
      }
    }
    return findings
  }

  // MARK: The env var heuristic

  static func looksLikeSecret(name: String, value: Node) -> Bool {
    isSecretName(name) && isSecretValue(value)
  }

  /// Whether a word of `name` is a secret term and no qualifier follows the last one.
  static func isSecretName(_ name: String) -> Bool {
    if !mayNameASecret(name) { return false }
    let words = words(of: name)
    var lastEnd: Int?
    for start in words.indices {
      for term in secretTerms where words[start...].starts(with: term) {
        lastEnd = max(lastEnd ?? 0, start + term.count)
      }
    }
    guard let lastEnd else { return false }
    return !words[lastEnd...].contains(where: qualifiers.contains)
  }

  /// Every secret term contains one of these; an ASCII name without any (nearly every
  /// name) is no secret, without splitting it into words.
  private static let termFragments: [[UInt8]] = [
    "password", "secret", "token", "credential", "key",
  ].map { Array($0.utf8) }

  /// `false` only when `name` is ASCII and holds no `termFragments`, ignoring case.
  static func mayNameASecret(_ name: String) -> Bool {
    // Plain loops over bytes: this runs for every env var of every container, also in
    // debug builds, where closures and iterators cost a call each.
    var lowered = [UInt8](name.utf8)
    var index = 0
    while index < lowered.count {
      let byte = lowered[index]
      if byte >= 0x80 { return true }
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { lowered[index] = byte | 0x20 }
      index += 1
    }
    for fragment in termFragments where fragment.count <= lowered.count {
      var start = 0
      while start + fragment.count <= lowered.count {
        var matched = 0
        while matched < fragment.count && lowered[start + matched] == fragment[matched] {
          matched += 1
        }
        if matched == fragment.count { return true }
        start += 1
      }
    }
    return false
  }

  /// Whether a literal value could be a secret: not empty, a number, a boolean, an
  /// absolute path, a `$(VAR)` reference, or a URL without a password.
  static func isSecretValue(_ value: Node) -> Bool {
    guard let text = value.string?.trimmingWhitespace, !text.isEmpty else {
      // Numbers, booleans and null (the schema reports the type).
      return false
    }
    if booleanWords.contains(text.lowercased()) { return false }
    if text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return false }
    if let password = urlPassword(text) {
      // `postgres://app:$(DB_PASSWORD)@db/shop` is fine; a literal password is not.
      return password.map { !removingReferences($0).isEmpty } ?? false
    }
    let literal = removingReferences(text[...])
    if literal != text {
      // A reference next to a literal (`$(TOKEN_PREFIX)sk_live_4eC39Hq`): the literal
      // part is a secret when a run of it looks generated rather than like a word.
      return literal.split(whereSeparator: \.isWhitespace).contains { looksGenerated($0) }
    }
    if text.hasPrefix("/") && !text.contains(where: \.isWhitespace) { return false }
    return true
  }

  /// A run of characters that looks like a key or password rather than a word: six or
  /// more characters with a digit or a capital after the first character (`hunter2`,
  /// `sk_live_4eC39Hq`), or sixteen or more of anything. `Bearer`, `Basic` and `:` are not.
  static func looksGenerated(_ run: Substring) -> Bool {
    let core = run.drop { !$0.isLetter && !$0.isNumber }
    if core.count >= 16 { return true }
    guard core.count >= 6 else { return false }
    return core.contains(where: \.isNumber) || core.dropFirst().contains(where: \.isUppercase)
  }

  /// `text` without its `$(VAR)` references.
  static func removingReferences(_ text: Substring) -> String {
    var output = ""
    var rest = text
    while let start = rest.firstRange(of: "$(") {
      let after = rest[start.upperBound...]
      if let close = after.firstIndex(of: ")"), close > after.startIndex,
        after[..<close].allSatisfy(isReferenceCharacter)
      {
        output += rest[..<start.lowerBound]
        rest = after[after.index(after: close)...]
      } else {
        output += rest[..<start.upperBound]
        rest = after
      }
    }
    return output + rest
  }

  private static func isReferenceCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_" || character == "-"
      || character == "."
  }

  /// Splits a variable name into lowercase words at `_`, `-`, `.` and case changes:
  /// `DB_PASSWORD` -> db, password; `stripeAPIKey` -> stripe, api, key.
  static func words(of name: String) -> [String] {
    var words: [String] = []
    var current = ""
    let characters = Array(name)
    for (index, character) in characters.enumerated() {
      guard character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current) }
        current = ""
        continue
      }
      if let previous = current.last, character.isUppercase {
        let next = characters.indices.contains(index + 1) ? characters[index + 1] : nil
        // aB starts a word at B; ABc starts one at B (the end of an acronym).
        if previous.isLowercase || previous.isNumber
          || (previous.isUppercase && next?.isLowercase == true)
        {
          words.append(current)
          current = ""
        }
      }
      current.append(character)
    }
    if !current.isEmpty { words.append(current) }
    return words.map { $0.lowercased() }
  }

  /// For a URL (`scheme://...`): the password of its user info
  /// (`https://user:pass@host`), `.some(nil)` when it has none, `nil` when `text` is not
  /// a URL.
  static func urlPassword(_ text: String) -> Substring?? {
    guard let separator = text.firstRange(of: "://"),
      let first = text.first, first.isLetter,
      text[..<separator.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
    else { return nil }
    let rest = text[separator.upperBound...]
    let authority = rest.prefix { !"/?#".contains($0) }
    guard let at = authority.lastIndex(of: "@"),
      let colon = authority[..<at].firstIndex(of: ":")
    else { return .some(nil) }
    return .some(authority[authority.index(after: colon)..<at])
  }
}
