/** A request the tester refuses: its status is 4xx, its message says why. */
export class TesterRequestError extends Error {
  override name = "TesterRequestError";
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}
