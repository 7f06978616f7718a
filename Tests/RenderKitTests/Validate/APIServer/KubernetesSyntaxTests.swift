import Testing

@testable import RenderKit

/// apimachinery's name and label syntaxes, valid and invalid cases from its own tests.
@Suite struct KubernetesSyntaxTests {
  @Test func dns1123Label() {
    for good in ["a", "ab", "a-b", "0", "123-abc", String(repeating: "a", count: 63)] {
      #expect(KubernetesSyntax.dns1123Label(good).isEmpty, "\(good)")
    }
    for bad in ["", "A", "a_b", "-a", "a-", "a.b", "ü", String(repeating: "a", count: 64)] {
      #expect(!KubernetesSyntax.dns1123Label(bad).isEmpty, "\(bad)")
    }
  }

  @Test func dns1035LabelStartsWithALetter() {
    #expect(KubernetesSyntax.dns1035Label("web-1").isEmpty)
    #expect(!KubernetesSyntax.dns1035Label("1web").isEmpty)
  }

  @Test func dns1123Subdomain() {
    for good in ["a", "a.b", "web.example.com", "1.2.3"] {
      #expect(KubernetesSyntax.dns1123Subdomain(good).isEmpty, "\(good)")
    }
    for bad in ["", "a..b", ".a", "a.", "A.b", "a_b", String(repeating: "a", count: 254)] {
      #expect(!KubernetesSyntax.dns1123Subdomain(bad).isEmpty, "\(bad)")
    }
  }

  @Test func qualifiedNamesAndLabelValues() {
    for good in ["app", "app.kubernetes.io/name", "A_b.c-D", "example.com/Name"] {
      #expect(KubernetesSyntax.qualifiedName(good).isEmpty, "\(good)")
    }
    for bad in ["", "/name", "a/b/c", "Example.com/name", "name-", "na me", "example.com/"] {
      #expect(!KubernetesSyntax.qualifiedName(bad).isEmpty, "\(bad)")
    }
    for good in ["", "v1", "1.0.0", "My_Value"] {
      #expect(KubernetesSyntax.labelValue(good).isEmpty, "\(good)")
    }
    for bad in ["v1-", "-v1", "a b", "a/b", String(repeating: "a", count: 64)] {
      #expect(!KubernetesSyntax.labelValue(bad).isEmpty, "\(bad)")
    }
  }

  @Test func portNames() {
    for good in ["http", "http-metrics", "h2c", "a1"] {
      #expect(KubernetesSyntax.portName(good).isEmpty, "\(good)")
    }
    #expect(KubernetesSyntax.portName("8080") == ["must contain at least one letter (a-z)"])
    #expect(KubernetesSyntax.portName("a--b") == ["must not contain consecutive hyphens"])
    #expect(KubernetesSyntax.portName("-http") == ["must not begin or end with a hyphen"])
    #expect(
      KubernetesSyntax.portName("http-metrics-endpoint") == ["must be no more than 15 characters"])
  }

  @Test func configKeysAndEnvironmentVariables() {
    #expect(KubernetesSyntax.configMapKey(".env").isEmpty)
    #expect(KubernetesSyntax.configMapKey("..") == ["must not be '..'"])
    #expect(KubernetesSyntax.configMapKey("..data") == ["must not start with '..'"])
    #expect(!KubernetesSyntax.configMapKey("a/b").isEmpty)
    #expect(KubernetesSyntax.envVarName("my.env-NAME_1").isEmpty)
    #expect(!KubernetesSyntax.envVarName("1A").isEmpty)
    #expect(!KubernetesSyntax.envVarName("A B").isEmpty)
  }

  @Test func addressesAndRanges() throws {
    #expect(KubernetesSyntax.isIP("10.0.0.1") && KubernetesSyntax.isIP("fd00::1"))
    #expect(!KubernetesSyntax.isIP("10.0.0.300") && !KubernetesSyntax.isIP("web"))
    let outer = try #require(KubernetesSyntax.cidr("10.0.0.0/8"))
    #expect(
      KubernetesSyntax.isStrictSubnet(try #require(KubernetesSyntax.cidr("10.1.0.0/16")), of: outer)
    )
    #expect(
      !KubernetesSyntax.isStrictSubnet(try #require(KubernetesSyntax.cidr("10.0.0.0/8")), of: outer)
    )
    #expect(
      !KubernetesSyntax.isStrictSubnet(
        try #require(KubernetesSyntax.cidr("11.0.0.0/16")), of: outer))
    #expect(KubernetesSyntax.cidr("10.0.0.0/33") == nil && KubernetesSyntax.cidr("10.0.0.0") == nil)
    #expect(KubernetesSyntax.cidr("2001:db8::/64")?.prefix == 64)
    #expect(KubernetesSyntax.percent("25%") == 25 && KubernetesSyntax.percent("25") == nil)
  }

  @Test func quantities() {
    #expect(QuantityValue.parse("500m") == 0.5)
    #expect(QuantityValue.parse("1Gi") == 1_073_741_824)
    #expect(QuantityValue.parse("1e3") == 1000)
    #expect(QuantityValue.parse(.scalar(.int(2))) == 2)
    #expect(QuantityValue.parse("1GB") == nil)
  }
}
