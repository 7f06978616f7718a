# render in a container: `docker run --rm -v "$PWD:/repo" render build --check`.
#
# Two stages. The first builds the fully static binary with the official Swift image
# (Scripts/build-release.sh, the same script the release workflow runs); the second is
# Alpine with git and that one file: the binary links nothing, so the final image needs
# no Swift runtime, no libyaml and no glibc. git is there for `render diff --base`,
# `render history` and `--commit`.
#
# Checked by Scripts/check-container.sh (which builds and runs it where a container
# runtime is available, and otherwise parses these steps and runs the build stage's
# script directly).

FROM swift:6.3-noble AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends libyaml-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The manifest names every target, so their folders come along (tests are not built).
COPY Package.swift ./
COPY Sources Sources
COPY Tests Tests
COPY Benchmarks Benchmarks
COPY Scripts/build-release.sh Scripts/build-release.sh
RUN Scripts/build-release.sh /out/render && /out/render --version

FROM alpine:3.20
RUN apk add --no-cache git \
  && git config --system --add safe.directory '*'
COPY --from=build /out/render /usr/local/bin/render
# Mount the platform repository here; render runs in the current folder.
WORKDIR /repo
ENTRYPOINT ["render"]
CMD ["build", "--check"]
