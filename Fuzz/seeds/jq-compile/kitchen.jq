def f(x): x | .a; reduce .[] as [$a,$b] ({}; .[$a] = $b) | f(.) // "x" | "\(.)" | try error catch . | label $out | foreach .[] as $i (0; .+$i; if . > 3 then ., break $out else . end)
