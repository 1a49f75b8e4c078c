/**
 * The fetch of a crash-test child (see child-harness.ts): it prints "r" after each HTTP exchange, answered
 * or failed, so that the test can kill the child after a chosen number of them.
 */
export function reportingFetch(onRequest: (url: string) => void = () => {}): typeof fetch {
  return async (input, init) => {
    onRequest(String(input));
    try {
      return await fetch(input, init);
    } finally {
      process.stdout.write("r\n"); // one answer (or failure) more: the test kills on these
    }
  };
}
