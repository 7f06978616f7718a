/// `pkg/apis/batch/validation`: Jobs and CronJobs: restart policy, counts, completion
/// mode, generated selectors, schedules, concurrency policy and time zone.
struct JobCheck: APIServerCheck {
  let kinds: Set<String> = ["batch/Job", "batch/CronJob"]

  func check(_ object: inout APIServerObject) {
    var job: [PathComponent] = [.key("spec")]
    if object.kind == "CronJob" {
      checkCronJob(&object)
      job = [.key("spec"), .key("jobTemplate"), .key("spec")]
    }
    for field in [
      "parallelism", "completions", "backoffLimit", "activeDeadlineSeconds",
      "ttlSecondsAfterFinished",
    ] {
      object.checkMinimum(job + [.key(field)], 0, help: "use 0 or more")
    }
    object.checkEnum(job + [.key("completionMode")], KubernetesEnums.completionMode)
    if object.value(at: job + [.key("completionMode")])?.string == "Indexed",
      object.value(at: job + [.key("completions")]) == nil
    {
      object.required(
        job + [.key("completions")], "when completion mode is Indexed",
        help: "an Indexed Job needs completions: the number of indexes")
    }
    if object.value(at: job + [.key("selector")]) != nil,
      object.value(at: job + [.key("manualSelector")])?.bool != true
    {
      object.invalid(
        job + [.key("selector")], object.value(at: job + [.key("selector")]) ?? .null(),
        "`selector` not auto-generated",
        help:
          "remove the selector: the Job controller labels its pods itself (or set manualSelector: true)"
      )
    }
    if let pod = object.pod {
      let restart = pod.path + [.key("restartPolicy")]
      let policy = object.value(at: restart)
      if let policy, let text = policy.string, KubernetesEnums.jobRestartPolicy.contains(text) {
      } else if let policy, policy.string.map(KubernetesEnums.restartPolicy.contains) == true {
        object.unsupported(
          restart, policy, supported: KubernetesEnums.jobRestartPolicy,
          help: "a Job's pods run to completion: use OnFailure or Never")
      } else if policy == nil {
        object.report(
          restart, "Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
          help:
            "restartPolicy defaults to Always, which a Job does not support: set OnFailure or Never"
        )
      }
    }
  }

  private func checkCronJob(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    let schedulePath = spec + [.key("schedule")]
    if let schedule = object.value(at: schedulePath), let text = schedule.string {
      if text.contains("TZ") {
        object.invalid(
          schedulePath, schedule,
          "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
          help: "move the time zone to spec.timeZone")
      } else if let error = CronSchedule.validate(text) {
        object.invalid(
          schedulePath, schedule, error,
          help:
            "use five fields (minute hour day-of-month month day-of-week), e.g. \"*/5 * * * *\", or @hourly, @daily, @weekly, @monthly, @yearly"
        )
      }
    } else if object.value(at: schedulePath) == nil {
      object.required(schedulePath, help: "say when the CronJob runs, e.g. \"0 3 * * *\"")
    }
    object.checkEnum(spec + [.key("concurrencyPolicy")], KubernetesEnums.concurrencyPolicy)
    for field in [
      "startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit",
    ] {
      object.checkMinimum(spec + [.key(field)], 0, help: "use 0 or more")
    }
    if let zone = object.value(at: spec + [.key("timeZone")]), let name = zone.string {
      if !KubernetesSyntax.isTimeZoneName(name) {
        object.invalid(
          spec + [.key("timeZone")], zone, "unknown time zone \(name)",
          help: "use an IANA time zone name such as Etc/UTC or Europe/Berlin")
      }
    }
    object.checkLabels([.key("spec"), .key("jobTemplate"), .key("metadata"), .key("labels")])
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "jobs: a CronJob schedule that is not cron syntax", triggers: true,
        manifests: """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report}
          spec:
            schedule: every 5 minutes
            jobTemplate:
              spec:
                template:
                  spec:
                    restartPolicy: OnFailure
                    containers:
                    - {name: report, image: "ghcr.io/acme/report:2.1.0"}
          """),
      RuleExample(
        "jobs: a Job whose pods would restart Always (restartPolicy left out)", triggers: true,
        manifests: """
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate}
          spec:
            template:
              spec:
                containers:
                - {name: migrate, image: "ghcr.io/acme/migrate:1.4.2"}
          """),
      RuleExample(
        "jobs: a descriptor schedule, a time zone, a Job that restarts OnFailure", triggers: false,
        manifests: """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report}
          spec:
            schedule: "@hourly"
            timeZone: Europe/Berlin
            concurrencyPolicy: Forbid
            jobTemplate:
              spec:
                backoffLimit: 2
                template:
                  spec:
                    restartPolicy: OnFailure
                    containers:
                    - {name: report, image: "ghcr.io/acme/report:2.1.0"}
          """),
    ]
  }
}
