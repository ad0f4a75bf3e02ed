/** One colour per model across every quality chart: the teacher's violet, then the students'. */
const TEACHER = '#7a4fd1';
const STUDENTS = ['#14866d', '#d97706', '#2563eb', '#db2777', '#0891b2'];

export function colorFor(
  modelId: string,
  teacherId: string,
  studentIds: readonly string[],
): string {
  if (modelId === teacherId) return TEACHER;
  const i = studentIds.indexOf(modelId);
  return STUDENTS[(i < 0 ? 0 : i) % STUDENTS.length] as string;
}
