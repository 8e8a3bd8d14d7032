/**
 * An error boundary for the islands: when what it draws fails (a date that cannot be shown, a
 * browser without some API), it shows `fallback` in its place and the rest of the island carries
 * on, so one bad entry never leaves a page frozen with its form disabled.
 *
 * Preact hands a component's render and effect errors to the nearest ancestor with
 * componentDidCatch (https://preactjs.com/guide/v10/api-reference/#componentdidcatch), never to
 * the component itself. So `render` runs in a child (Call), below this boundary: the island
 * keeps its markup in place, with its state in scope, and only wraps what may fail. Event
 * handlers are not covered, as in React: they report their own errors.
 */
import { Component, type ComponentChildren } from "preact";

interface GuardProps {
  readonly fallback: ComponentChildren;
  readonly render: () => ComponentChildren;
}

const Call = (props: Pick<GuardProps, "render">): ComponentChildren => props.render();

export class Guard extends Component<GuardProps, { failed?: boolean }> {
  override componentDidCatch(error: unknown): void {
    // Still reported, for whoever looks at the console; the page shows the fallback.
    console.error(error);
    this.setState({ failed: true });
  }

  override render(): ComponentChildren {
    return this.state.failed ? this.props.fallback : <Call render={this.props.render} />;
  }
}
