#!/usr/bin/env python3
"""Checks the include structure of the source tree (docs/architecture.md):

- a file in src/STAGE/ includes headers of its own stage and earlier stages only, in the order
  util < read < parse < segment < anchor < align < write < pipeline < report < batch < cli;
- no include cycle exists between files of src/ and include/;
- a public header in include/artalign/ includes only standard library headers (<vector>) and
  other public headers ("artalign/types.hpp"): never a third-party or internal header.

Prints one line per violation, "file: includes X (reason)", and exits 1 when there is any.

    python3 tests/check_layout.py [SOURCE_DIR]
"""
import pathlib
import re
import sys

STAGES = ["util", "read", "parse", "segment", "anchor", "align", "write", "pipeline", "report", "batch", "cli"]

# The C++20 standard library, C compatibility headers included.
STANDARD_HEADERS = set("""
algorithm any array atomic barrier bit bitset cassert cctype cerrno cfenv cfloat charconv chrono cinttypes
climits clocale cmath codecvt compare complex concepts condition_variable coroutine csetjmp csignal cstdarg
cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype deque exception execution expected
filesystem format forward_list fstream functional future initializer_list iomanip ios iosfwd iostream
istream iterator latch limits list locale map memory memory_resource mutex new numbers numeric optional
ostream queue random ranges ratio regex scoped_allocator semaphore set shared_mutex source_location span
sstream stack stdexcept stop_token streambuf string string_view syncstream system_error thread tuple
type_traits typeindex typeinfo unordered_map unordered_set utility valarray variant vector version
""".split())

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = {".hpp", ".cpp", ".h", ".in"}


def includes_of(path):
    """(delimiter, name) for every #include of `path`: ('<', "vector"), ('"', "util/text.hpp")."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = INCLUDE.match(line)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def resolve(root, path, delimiter, name):
    """The file of the tree a quoted include names (beside the includer, then src/, include/),
    or None for a system header or one the build generates."""
    if delimiter != '"':
        return None
    for base in (path.parent, root / "src", root / "include"):
        candidate = (base / name).resolve()
        if candidate.is_file():
            return candidate
    return None


def stage_of(root, path):
    parts = path.relative_to(root).parts
    return parts[1] if len(parts) > 2 and parts[0] == "src" and parts[1] in STAGES else None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent).resolve()
    files = sorted(p.resolve() for top in ("src", "include") for p in (root / top).rglob("*")
                   if p.is_file() and p.suffix in SOURCE_SUFFIXES)
    name = lambda p: str(p.relative_to(root))
    violations = []
    graph = {}  # file -> [(included file, spelling)]

    for path in files:
        public = path.relative_to(root).parts[:2] == ("include", "artalign")
        stage = stage_of(root, path)
        graph[path] = []
        for delimiter, included in includes_of(path):
            spelling = delimiter + included + (">" if delimiter == "<" else '"')
            target = resolve(root, path, delimiter, included)
            if target is not None:
                graph[path].append((target, spelling))
            if public:
                if delimiter == "<" and included in STANDARD_HEADERS:
                    continue
                if included.startswith("artalign/"):
                    continue
                violations.append(f"{name(path)}: includes {spelling} (a public header includes only "
                                  "<standard> headers and \"artalign/...\" headers)")
                continue
            if stage and target is not None:
                target_stage = stage_of(root, target)
                if target_stage and STAGES.index(target_stage) > STAGES.index(stage):
                    violations.append(f"{name(path)}: includes {spelling} (stage {stage} may not include "
                                      f"the later stage {target_stage})")

    # Include cycles: a depth-first search reports each edge back to a file still on the path.
    state = {}  # file -> "open" while on the path, "done" after
    def visit(path, trail):
        state[path] = "open"
        trail.append(path)
        for target, spelling in graph.get(path, []):
            if state.get(target) == "open":
                cycle = trail[trail.index(target):] + [target]
                violations.append(f"{name(path)}: includes {spelling} (include cycle: "
                                  + " -> ".join(name(p) for p in cycle) + ")")
            elif target not in state:
                visit(target, trail)
        trail.pop()
        state[path] = "done"
    sys.setrecursionlimit(10000)
    for path in files:
        if path not in state:
            visit(path, [])

    for violation in violations:
        print(violation)
    if violations:
        print(f"{len(violations)} layout violation(s)", file=sys.stderr)
        return 1
    print(f"layout: {len(files)} files checked, no violation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
