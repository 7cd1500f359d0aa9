import { useEffect, useRef, type ReactNode } from 'react';

/** Each step's title takes focus when the step appears, so keyboard and screen-reader users start there. */
export function StepHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1} className="step-heading">
      {children}
    </h1>
  );
}
