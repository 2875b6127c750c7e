// The jq language (lexer, parser, resolver, interpreter, builtins) lives in this module.
