# `sam build` for template.yaml. Each function declares `Metadata: BuildMethod: makefile` and
# `ProjectRootDirectory: .`, so SAM runs `make build-<LogicalId>` with this file and ARTIFACTS_DIR set
# to the function's directory under .aws-sam/build/, which it then zips as the deployment package.
#
# The jars are built once, by the Maven wrapper, in this checkout (not in SAM's scratch copy: every path
# below is relative to this file), and rebuilt only when a source or a pom changed since (the stamp).
# Each target then puts its function's jar under lib/ of ARTIFACTS_DIR, where the Lambda Java runtime
# puts every jar on the class path. The jar stays whole: its Multi-Release manifest and its service
# files keep working, and it is the very file `sam deploy` uploads when you skip `sam build`.
#
# Needs GNU make (3.81 or later), a JDK 17+, and a path without spaces. See docs/deploy.md.

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
JARS := $(ROOT)/functions/lambda/target/lambda
STAMP ?= $(JARS)/.sam-build.stamp
MVNW ?= $(ROOT)/mvnw
MAVEN_ARGS ?= -B -ntp -q -pl functions/lambda -am package -DskipTests
SOURCES := $(shell find $(ROOT)/functions/core/src/main $(ROOT)/functions/aws/src/main $(ROOT)/functions/lambda/src/main \
	$(ROOT)/test-fixtures/contracts -type f 2>/dev/null) \
	$(wildcard $(ROOT)/pom.xml $(ROOT)/functions/pom.xml $(ROOT)/functions/*/pom.xml)

.PHONY: build-RecordRunFunction build-PlanFunction build-TransformFunction build-RunResultsFunction \
	build-CompactFunction build-LatestReadingsFunction build-CloseRunFunction artifacts-dir

$(STAMP): $(SOURCES)
	cd "$(ROOT)" && "$(MVNW)" $(MAVEN_ARGS)
	mkdir -p "$(dir $@)" && touch "$@"

artifacts-dir:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: sam build sets it; by hand: make $(MAKECMDGOALS) ARTIFACTS_DIR=<dir>" >&2; exit 2; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"

build-RecordRunFunction: artifacts-dir $(STAMP)
	cp "$(ROOT)/functions/lambda/target/lambda/record-run.jar" "$(ARTIFACTS_DIR)/lib/"

build-PlanFunction: artifacts-dir $(STAMP)
	cp "$(ROOT)/functions/lambda/target/lambda/plan.jar" "$(ARTIFACTS_DIR)/lib/"

build-TransformFunction: artifacts-dir $(STAMP)
	cp "$(ROOT)/functions/lambda/target/lambda/transform.jar" "$(ARTIFACTS_DIR)/lib/"

build-RunResultsFunction: artifacts-dir $(STAMP)
	cp "$(ROOT)/functions/lambda/target/lambda/run-results.jar" "$(ARTIFACTS_DIR)/lib/"

build-CompactFunction: artifacts-dir $(STAMP)
	cp "$(ROOT)/functions/lambda/target/lambda/compact.jar" "$(ARTIFACTS_DIR)/lib/"

build-LatestReadingsFunction: artifacts-dir $(STAMP)
	cp "$(ROOT)/functions/lambda/target/lambda/latest-readings.jar" "$(ARTIFACTS_DIR)/lib/"

build-CloseRunFunction: artifacts-dir $(STAMP)
	cp "$(ROOT)/functions/lambda/target/lambda/close-run.jar" "$(ARTIFACTS_DIR)/lib/"
