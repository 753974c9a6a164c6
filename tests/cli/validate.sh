#!/usr/bin/env bash
# `artalign validate`: valid files pass, each problem is printed as FILE:LINE: PROBLEM, exit 1
# when invalid; hostile DOCTYPEs are refused.
source "$(dirname "$0")/lib.sh"

run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/good.tmx"
xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/good.tmx" 2>/dev/null || fail "good.tmx does not validate with xmllint"
run 0 validate "$SCRATCH/good.tmx"
grep -qxE "$SCRATCH/good.tmx: valid TMX 1.4 \([0-9]+ units, srclang ko, UTF-8; checked: well-formed XML, no entity declarations, TMX 1.4b DTD, language tags \(BCP 47\), dates \(YYYYMMDDThhmmssZ\), inline codes \(bpt/ept i paired and unique, i and x numbers, x unique\), srclang \(with <tu srclang> overrides\)\)" "$SCRATCH/out" \
  || fail "valid: $(cat "$SCRATCH/out")"

# Three problems: a tu without tuv on line 5 (the DTD, and so the srclang rule too), and a tu
# without a Korean tuv on line 6 (the srclang rule).
cat >"$SCRATCH/bad.tmx" <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ko" datatype="plaintext"/>
<body>
<tu tuid="1"><note>no tuv</note></tu>
<tu tuid="2"><tuv xml:lang="en"><seg>English only</seg></tuv></tu>
</body>
</tmx>
TMX
run 1 validate "$SCRATCH/bad.tmx" "$SCRATCH/good.tmx"
grep -q "^$SCRATCH/bad.tmx:5: Element tu content does not follow the DTD" "$SCRATCH/out" || fail "no DTD problem on line 5: $(cat "$SCRATCH/out")"
grep -qxF "$SCRATCH/bad.tmx:6: <tu tuid=\"2\"> has no <tuv> in its srclang 'ko' (the header's)" "$SCRATCH/out" \
  || fail "no srclang problem on line 6: $(cat "$SCRATCH/out")"
grep -q "^$SCRATCH/bad.tmx: not valid (3 problems; checked: well-formed XML, " "$SCRATCH/out" || fail "no summary: $(cat "$SCRATCH/out")"
grep -q "^$SCRATCH/good.tmx: valid" "$SCRATCH/out" || fail "the second file was not checked"
# xmllint agrees about the DTD problem.
xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/bad.tmx" 2>/dev/null && fail "xmllint accepts bad.tmx"

# Billion laughs: refused at once, without expansion.
{
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE tmx ['
  echo '<!ENTITY a0 "lol">'
  for k in 1 2 3 4 5 6 7 8 9; do
    printf '<!ENTITY a%d "' "$k"; for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&a%d;' $((k - 1)); done; echo '">'
  done
  echo ']>'
  echo '<tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>&a9;</seg></tuv></tu></body></tmx>'
} >"$SCRATCH/lol.tmx"
run 1 validate "$SCRATCH/lol.tmx"
grep -qxF "$SCRATCH/lol.tmx:3: the DOCTYPE declares entities; artalign refuses such files (nothing is expanded or fetched)" \
  "$SCRATCH/out" || fail "billion laughs: $(cat "$SCRATCH/out")"

echo '<html><body/></html>' >"$SCRATCH/page.tmx"
run 1 validate "$SCRATCH/page.tmx"
grep -qxF "$SCRATCH/page.tmx:1: the root element is <html>, not <tmx>: this is not a TMX file" "$SCRATCH/out" \
  || fail "not TMX: $(cat "$SCRATCH/out")"

# artalign checks the DTD in one streaming pass, so it must agree with xmllint's whole-document
# validation on every structural case (all these have a tuv in srclang, so only the DTD speaks).
header='<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ko" datatype="plaintext"/>'
unit='<tu><tuv xml:lang="ko"><seg>가</seg></tuv></tu>'
cases=(
  "<tmx version=\"1.4\">$header<body>$unit</body></tmx>"
  "<tmx>$header<body/></tmx>"
  "<tmx version=\"1.4\" lang=\"ko\">$header<body>$unit</body></tmx>"
  "<tmx version=\"1.4\"><body>$unit</body></tmx>"
  "<tmx version=\"1.4\">$header</tmx>"
  "<tmx version=\"1.4\"><body>$unit</body>$header</tmx>"
  "<tmx version=\"1.4\">$header<body>$unit</body><body/></tmx>"
  "<tmx version=\"1.4\">$header<body>$unit<note>n</note></body></tmx>"
  "<tmx version=\"1.4\">$header<body>text $unit</body></tmx>"
  "<tmx version=\"1.4\">$header stray text<body>$unit</body></tmx>"
  "<tmx version=\"1.4\">$header<body id=\"b\">$unit</body></tmx>"
  "<tmx version=\"1.4\">$header<body><tu tuid=\"1\" foo=\"x\"><tuv xml:lang=\"ko\"><seg>가</seg></tuv></tu></body></tmx>"
  "<tmx version=\"1.4\"><header srclang=\"ko\"/><body>$unit</body></tmx>"
  "<tmx version=\"1.4\">$header<body><tu><tuv xml:lang=\"ko\"><seg>가 <bpt i=\"1\">b</bpt><ept i=\"1\">e</ept></seg></tuv></tu></body></tmx>"
  "<tmx version=\"1.4\">$header<body><tu><tuv xml:lang=\"ko\"><seg><tu/></seg></tuv></tu></body></tmx>"
  "<!DOCTYPE tmx [<!ELEMENT tu ANY>]><tmx version=\"1.4\">$header<body><tu><seg>loose</seg><tuv xml:lang=\"ko\"><seg>가</seg></tuv></tu></body></tmx>"
)
k=0
for document in "${cases[@]}"; do
  k=$((k + 1))
  printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "$document" >"$SCRATCH/case$k.tmx"
  xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/case$k.tmx" 2>/dev/null; expected=$(( $? == 0 ? 0 : 1 ))
  "$ARTALIGN" validate "$SCRATCH/case$k.tmx" >"$SCRATCH/out" 2>&1; actual=$?
  [ "$actual" -eq "$expected" ] || fail "case $k: artalign validate exits $actual, xmllint --dtdvalid says $expected: $document
$(cat "$SCRATCH/out")"
done

run 1 validate "$SCRATCH/missing.tmx"
expect_error "$SCRATCH/missing.tmx: no such file"
run 2 validate
expect_error "missing FILE.tmx; usage: artalign validate FILE.tmx..."
run 0 validate --help
grep -q 'srclang' "$SCRATCH/out" || fail "validate --help does not explain the srclang rule"
finish
