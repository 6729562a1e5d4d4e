# The two commands (README Quick start):
#   make run   installs what is missing, builds the release preset, creates
#              var/vigil.db with demo data on first run, serves 127.0.0.1:8080
#   make test  installs what is missing, builds the dev preset (ASan+UBSan)
#              and runs every suite
.PHONY: run test bootstrap build-release build-dev format bench fuzz fuzz-ci clean

DB ?= var/vigil.db
LISTEN ?= 127.0.0.1:8080

bootstrap:
	@bash scripts/bootstrap

build-release: bootstrap
	@cmake --preset release >/dev/null
	@cmake --build --preset release --target vigil

build-dev: bootstrap
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev

run: build-release
	@mkdir -p $(dir $(DB))
	@if [ ! -f "$(DB)" ]; then ./build/release/vigil demo-data --db "$(DB)"; fi
	@./build/release/vigil serve --db "$(DB)" --listen "$(LISTEN)"

test: build-dev
	@ctest --preset dev

format:
	@tools/check_format.sh --fix

bench: bootstrap
	@cmake --preset release -DVIGIL_BUILD_BENCH=ON >/dev/null
	@cmake --build --preset release

fuzz: bootstrap
	@bash tools/fuzz_smoke.sh

# The short fuzzing CI runs after `make test`: the screening facts parser and
# the rule-expression evaluator, 30 seconds each.
fuzz-ci: bootstrap
	@FUZZ_TARGETS="screening_facts rules_expression" FUZZ_SECONDS=30 bash tools/fuzz_smoke.sh

clean:
	@rm -rf build
