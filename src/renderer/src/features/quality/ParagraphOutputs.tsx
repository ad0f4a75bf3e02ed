import { ErrorBanner } from '../../components/Banner';
import { OutputCell } from '../results/OutputCell';
import { useExperimentResults } from '../results/useExperimentResults';
import { modelName } from '../../../../shared/report/names';

/** One paragraph of a quality row, opened: its text, then the teacher's and the student's outputs. */
export function ParagraphOutputs({
  experimentId,
  paragraphId,
  teacherId,
  studentId,
}: {
  experimentId: string;
  paragraphId: string;
  teacherId: string;
  studentId: string;
}) {
  const { results, error } = useExperimentResults(experimentId, 0);
  if (error) return <ErrorBanner error={error} onDismiss={() => undefined} />;
  if (!results) return <p className="hint">Loading the outputs…</p>;
  const paragraph = results.paragraphs.find((p) => p.id === paragraphId);
  // The first answer of each model (repeats are shown on the Experiments screen).
  const first = (modelId: string) =>
    results.runs
      .filter((r) => r.paragraphId === paragraphId && r.modelId === modelId)
      .sort((a, b) => a.repeatIndex - b.repeatIndex)[0];
  return (
    <div className="paragraph-outputs" data-testid="paragraph-outputs">
      {paragraph && <p className="output-text">{paragraph.text}</p>}
      <div className="side-by-side">
        {[teacherId, studentId].map((id) => (
          <section key={id} aria-label={`Output of ${modelName(id)}`}>
            <h3>
              {id === teacherId ? 'Teacher' : 'Student'}: {modelName(id)}
            </h3>
            <OutputCell run={first(id)} segments={null} />
          </section>
        ))}
      </div>
    </div>
  );
}
