/// jq 1.8's help text, for `kcsa jq -h` and a missing filter.
enum JQUsage {
    /// What jq prints after a usage error, before exiting 2.
    static let dieHint = "Use jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n"

    static func text(short: Bool) -> String {
        var t = """
        jq - commandline JSON processor [version 1.8.2, kcsa]

        Usage:\tkcsa jq [options] <jq filter> [file...]
        \tkcsa jq [options] --args <jq filter> [strings...]
        \tkcsa jq [options] --jsonargs <jq filter> [JSON_TEXTS...]

        kcsa jq is jq 1.8 built into kcsa: it applies the given filter to its
        JSON text inputs and produces the filter's results as JSON on standard
        output, with jq's output bytes and exit codes.


        """
        if short {
            t += "For listing the command options, use kcsa jq --help.\n"
            return t
        }
        t += """
        Command options:
          -n, --null-input          use `null` as the single input value;
          -R, --raw-input           read each line as string instead of JSON;
          -s, --slurp               read all inputs into an array and use it as
                                    the single input value;
          -c, --compact-output      compact instead of pretty-printed output;
          -r, --raw-output          output strings without escapes and quotes;
              --raw-output0         implies -r and output NUL after each output;
          -j, --join-output         implies -r and output without newline after
                                    each output;
          -a, --ascii-output        output strings by only ASCII characters
                                    using escape sequences;
          -S, --sort-keys           sort keys of each object on output;
          -C, --color-output        colorize JSON output;
          -M, --monochrome-output   disable colored output;
              --tab                 use tabs for indentation;
              --indent n            use n spaces for indentation (max 7 spaces);
              --unbuffered          flush output stream after each output;
              --stream              parse the input value in streaming fashion;
              --seq                 parse input/output as application/json-seq;
          -f, --from-file           load the filter from a file;
          -L, --library-path dir    search modules from the directory;
              --arg name value      set $name to the string value;
              --argjson name value  set $name to the JSON value;
              --slurpfile name file set $name to an array of JSON values read
                                    from the file;
              --rawfile name file   set $name to string contents of file;
              --args                consume remaining arguments as positional
                                    string values;
              --jsonargs            consume remaining arguments as positional
                                    JSON values;
          -e, --exit-status         set exit status code based on the output;
          -V, --version             show the version;
          -h, --help                show the help;
          --                        terminates argument processing;

        Named arguments are also available as $ARGS.named[], while
        positional arguments are available as $ARGS.positional[].

        """
        return t
    }
}
