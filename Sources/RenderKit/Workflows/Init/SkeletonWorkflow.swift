extension ProjectSkeleton {
  /// `.github/workflows/render.yml` of a new repository: CI for a platform repository
  /// that has no Package.swift, using the action in render's repository to install a
  /// pinned, cached binary (docs/ci.md explains each step).
  static let workflow = """
    # render in CI (see render's docs/ci.md).
    #
    # Pull requests: fail when rendered/ is not what the inputs produce, annotate the
    # findings on the diff, upload them to code scanning, and keep one comment on the
    # pull request with what it changes in the rendered manifests.
    # By hand (Actions > render > Run workflow): promote a service from one environment
    # to another through a pull request, so a protected main stays protected.
    name: render

    on:
      pull_request:
      push:
        branches: [main]
      workflow_dispatch:
        inputs:
          service: {description: Service to promote, required: true, type: string}
          from: {description: Environment whose version to take, required: true, type: string, default: dev}
          to: {description: Environment to pin it in, required: true, type: string, default: prod}

    permissions:
      contents: read

    env:
      # The render release to use; the action caches it per version.
      RENDER_VERSION: "\(RenderVersion.current)"

    jobs:
      check:
        if: github.event_name != 'workflow_dispatch'
        runs-on: ubuntu-24.04
        permissions:
          contents: read
          security-events: write   # code scanning upload
          pull-requests: write     # the sticky diff comment
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0       # render diff --base renders the base branch from git

          - uses: OWNER/render@v\(RenderVersion.current)   # TODO: the repository render is released from
            with:
              version: ${{ env.RENDER_VERSION }}

          - name: rendered/ is up to date
            # Findings as annotations on the pull request's diff; drift is listed.
            run: render build --check --format github

          - name: Findings for code scanning
            if: ${{ !cancelled() }}
            run: render validate --format sarif > render.sarif || true

          - uses: github/codeql-action/upload-sarif@v3
            if: ${{ !cancelled() && hashFiles('render.sarif') != '' }}
            with:
              sarif_file: render.sarif
              category: render

          - name: What this pull request changes
            if: ${{ !cancelled() && github.event_name == 'pull_request' }}
            env:
              BASE_REF: ${{ github.base_ref }}
            run: |
              render diff --base "origin/$BASE_REF" --format markdown > render-diff.md
              cat render-diff.md >> "$GITHUB_STEP_SUMMARY"

          - name: One comment with the rendered diff, updated on every push
            if: ${{ !cancelled() && github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository }}
            env:
              GH_TOKEN: ${{ github.token }}
              PR: ${{ github.event.pull_request.number }}
            run: |
              marker='<!-- render-diff -->'
              { echo "$marker"; head -c 60000 render-diff.md; } > comment.md
              id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate \\
                --jq ".[] | select(.body | startswith(\\"$marker\\")) | .id" | head -1)
              if [ -n "$id" ]; then
                gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@comment.md >/dev/null
              else
                gh pr comment "$PR" --body-file comment.md
              fi

      promote:
        if: github.event_name == 'workflow_dispatch'
        runs-on: ubuntu-24.04
        permissions:
          contents: write          # push the promotion branch
          pull-requests: write     # open the pull request
        concurrency:
          group: render-promote-${{ inputs.service }}-${{ inputs.to }}
        steps:
          - uses: actions/checkout@v4
          - uses: OWNER/render@v\(RenderVersion.current)
            with:
              version: ${{ env.RENDER_VERSION }}
          - name: Promote on a branch and open a pull request
            # Inputs reach the script through the environment, never pasted into it.
            env:
              SERVICE: ${{ inputs.service }}
              FROM: ${{ inputs.from }}
              TO: ${{ inputs.to }}
              ACTOR: ${{ github.actor }}
              GH_TOKEN: ${{ github.token }}
            run: |
              branch="promote/$SERVICE-$TO-$GITHUB_RUN_ID"
              git config user.name "$ACTOR"
              git config user.email "$ACTOR@users.noreply.github.com"
              git switch -c "$branch"
              render promote "$SERVICE" --from "$FROM" --to "$TO" --commit
              git push origin "$branch"
              gh pr create --head "$branch" --fill

    """
}
