/// Builtins written in jq: the ones jq 1.8 defines in jq itself, minus those
/// implemented natively for speed (map, select, recurse, paths, limit, first, ...).
/// Each definition is our own formulation of jq 1.8's documented behaviour
/// (results, output order and error messages). Parsed and resolved once per process.
enum Prelude {
    static let source = #"""
def values: if . == null then empty else . end;
def nulls: if . == null then . else empty end;
def booleans: if type == "boolean" then . else empty end;
def numbers: if type == "number" then . else empty end;
def strings: if type == "string" then . else empty end;
def arrays: if type == "array" then . else empty end;
def objects: if type == "object" then . else empty end;
def iterables: if type == "array" or type == "object" then . else empty end;
def scalars: if type == "array" or type == "object" then empty else . end;
def isfinite: if type == "number" then isinfinite | not else false end;
def normals: if isnormal then . else empty end;
def finites: if isfinite then . else empty end;
def abs: if . < 0 then -(.) else . end;
def map_values(update): .[] |= update;
def recurse(next; keep): def step: ., (next | if keep then step else empty end); step;
def from_entries:
  map({ (.key // .Key // .name // .Name): if has("value") then .value else .Value end }) | add // {};
def with_entries(edit): to_entries | map(edit) | from_entries;
def indices($i):
  type as $t | ($i | type) as $it
  | if $t == "array" then (if $it == "array" then .[$i] else .[[$i]] end)
    elif $t == "string" and $it == "string" then _strindices($i)
    else .[$i] end;
def index($i): indices($i) | .[0];
def rindex($i): indices($i) | .[-1];
def paths(keep): path(.. | if keep then . else empty end) | if length > 0 then . else empty end;
def range($upto): range(0; $upto);
def fromdateiso8601: strptime("%Y-%m-%dT%H:%M:%SZ") | mktime;
def todateiso8601: strftime("%Y-%m-%dT%H:%M:%SZ");
def fromdate: fromdateiso8601;
def todate: todateiso8601;
def trimstr($s): ltrimstr($s) | rtrimstr($s);
def _re_args($v):
  ($v | type) as $t
  | if $t == "string" then [$v, null]
    elif $t == "array" and ($v | length) > 1 then [$v[0], $v[1]]
    elif $t == "array" and ($v | length) > 0 then [$v[0], null]
    else error($t + " not a string or array") end;
def match(re; flags): _match_impl(re; flags; false) | .[];
def match($v): _re_args($v) as [$re, $flags] | match($re; $flags);
def test(re; flags): _match_impl(re; flags; true);
def test($v): _re_args($v) as [$re, $flags] | test($re; $flags);
def _named_captures: reduce (.captures[] | select(.name != null)) as $c ({}; .[$c.name] = $c.string);
def capture(re; flags): match(re; flags) | _named_captures;
def capture($v): _re_args($v) as [$re, $flags] | capture($re; $flags);
def scan($re; $flags):
  match($re; "g" + $flags)
  | if (.captures | length) > 0 then [.captures[].string] else .string end;
def scan($re): scan($re; null);
def split($re; $flags): [splits($re; $flags)];
def splits($re): splits($re; null);
def sub($re; replacement; $flags):
  . as $subject
  | [match($re; $flags)]
  | if length == 0 then $subject
    else
      (reduce .[] as $m ({parts: [], from: 0};
          $subject[.from:$m.offset] as $gap
          | [$m | _named_captures | replacement] as $reps
          | reduce range(0; $reps | length) as $k (.; .parts[$k] += $gap + $reps[$k])
          | .from = $m.offset + $m.length)
       | .parts[] + $subject[.from:])
      // $subject
    end;
def sub($re; replacement): sub($re; replacement; "");
def gsub($re; replacement; flags): sub($re; replacement; flags + "g");
def gsub($re; replacement): sub($re; replacement; "g");
def nth($n; gen):
  if $n < 0 then error("nth doesn't support negative indices") else first(skip($n; gen)) end;
def first: .[0];
def last: .[-1];
def nth($n): .[$n];
def combinations:
  if length == 0 then []
  else .[0][] as $head | [$head] + (.[1:] | combinations)
  end;
def combinations(n): . as $row | [range(n) | $row] | combinations;
def transpose: (map(length) | max // 0) as $width | [range(0; $width) as $i | map(.[$i])];
def in(container): . as $key | container | has($key);
def inside(container): . as $part | container | contains($part);
def inputs: try repeat(input) catch (if . == "No more inputs" then empty else error end);
def all(cond): all(.[]; cond);
def any(cond): any(.[]; cond);
def truncate_stream(events):
  . as $depth | null | events
  | if (.[0] | length) > $depth then .[0] |= .[$depth:] else empty end;
def fromstream(events):
  {v: null, done: false} as $fresh
  | foreach events as $ev ($fresh;
      (if .done then $fresh else . end)
      | if ($ev | length) == 2
        then .done = (($ev[0] | length) == 0) | .v = (.v | setpath($ev[0]; $ev[1]))
        else .done = (($ev[0] | length) == 1)
        end;
      if .done then .v else empty end);
def tostream:
  def events($p):
    if (type == "object" or type == "array") and length > 0
    then keys_unsorted as $ks
      | ($ks[] as $k | .[$k] | events($p + [$k])), [$p + [$ks[-1]]]
    else [$p, .]
    end;
  events([]);
def pick(selection): . as $src | reduce path(selection) as $p (null; setpath($p; $src | getpath($p)));
def INDEX(rows; key): reduce rows as $row ({}; .[$row | key | tostring] = $row);
def INDEX(key): INDEX(.[]; key);
def JOIN($table; key): [.[] | [., $table[key]]];
def JOIN($table; rows; key): rows | [., $table[key]];
def JOIN($table; rows; key; combine): rows | [., $table[key]] | combine;
def IN(values): any(values == .; .);
def IN(src; values): any(src == values; .);
"""#
}
