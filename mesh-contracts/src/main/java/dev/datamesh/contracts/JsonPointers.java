package dev.datamesh.contracts;

/** Builds RFC 6901 JSON Pointers. Stateless and thread-safe. */
public interface JsonPointers {

  /** {@code parent} followed by one escaped reference token. */
  static String child(String parent, String token) {
    return parent + "/" + escape(token);
  }

  /** {@code parent} followed by an array index. */
  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** Escapes {@code ~} and {@code /} as RFC 6901 requires. */
  static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }
}
