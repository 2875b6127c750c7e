.a[1:] | to_entries | map(select(.value > 1)) | from_entries | @base64 | ascii_downcase | test("a+") 
