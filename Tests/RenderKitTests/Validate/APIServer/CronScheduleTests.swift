import Testing

@testable import RenderKit

/// robfig/cron `ParseStandard`, as the CronJob controller parses schedules.
@Suite struct CronScheduleTests {
  @Test(arguments: [
    "* * * * *", "*/5 * * * *", "0 3 * * *", "0 9-17 * * MON-FRI", "15,45 */2 1-7 jan,jul sun",
    "0 0 ? * *", "5 4 * * 6", "0 12 1/5 * *", "@hourly", "@daily", "@midnight", "@weekly",
    "@monthly", "@yearly", "@annually", "@every 90m", "@every 1h30m", "  0 3 * * *",
  ])
  func accepts(_ schedule: String) {
    #expect(CronSchedule.validate(schedule) == nil)
  }

  @Test(arguments: [
    ("", "empty spec string"),
    ("every 5 minutes", "expected exactly 5 fields, found 3: [every 5 minutes]"),
    ("0 */5 * * * *", "expected exactly 5 fields, found 6: [0 */5 * * * *]"),
    ("60 * * * *", "end of range (60) above maximum (59): 60"),
    ("0 24 * * *", "end of range (24) above maximum (23): 24"),
    ("0 0 0 * *", "beginning of range (0) below minimum (1): 0"),
    ("0 0 * 13 *", "end of range (13) above maximum (12): 13"),
    ("0 0 * * 7", "end of range (7) above maximum (6): 7"),
    ("*/0 * * * *", "step of range should be a positive number: */0"),
    ("0 9-5 * * *", "beginning of range (9) beyond end of range (5): 9-5"),
    (
      "0 0 * * funday",
      "failed to parse int from funday: strconv.Atoi: parsing \"funday\": invalid syntax"
    ),
    ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
    ("@fortnightly", "unrecognized descriptor: @fortnightly"),
    ("@every 5 minutes", "unrecognized descriptor: @every 5 minutes"),
    ("@every soon", "failed to parse duration @every soon: time: invalid duration \"soon\""),
  ])
  func rejects(_ schedule: String, _ error: String) {
    #expect(CronSchedule.validate(schedule) == error)
  }
}
