import { StepHeading } from '../ui/StepHeading';

export function WelcomeStep({ onNext }: { onNext: () => void }) {
  return (
    <section className="step">
      <StepHeading>Welcome to your first day</StepHeading>
      <p>
        Your employer asks every remote hire to run HireProof once on the laptop they were sent, and now and
        then after that. It takes about five minutes.
      </p>
      <ol className="plain-list">
        <li>It checks that this is the company laptop and that nobody is controlling it from elsewhere.</li>
        <li>It asks you to type a few words and react to a prompt.</li>
        <li>It checks, with the camera, that you are the person who was hired.</li>
      </ol>
      <div className="actions">
        <button type="button" className="primary" onClick={onNext}>
          Start
        </button>
      </div>
    </section>
  );
}
