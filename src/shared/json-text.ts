/**
 * A value already written as JSON (e.g. a page of a list written by the database):
 * the HTTP layer sends it as it is instead of serialising it again. Its shape is the
 * route's response schema all the same; whoever writes it answers for that (with a test).
 */
export class JsonText {
  constructor(readonly json: string) {}
}
