import { useTranslation } from 'react-i18next';
import type { RemoteExamSummary } from '../../../../core/api/contract';

/** '' nothing chosen, 'new' an exam to create, else the id of a server exam. */
export interface ExamPick {
  choice: string;
  name: string;
  date: string;
}

const CAN_TAKE_COPIES = 'INDIVIDUAL_A4';

export function ExamPicker({
  exams,
  pick,
  onChange,
}: {
  exams: RemoteExamSummary[];
  pick: ExamPick;
  onChange: (pick: ExamPick) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('sync.exam')}
        <select
          aria-label={t('sync.exam')}
          value={pick.choice}
          onChange={(event) => onChange({ ...pick, choice: event.currentTarget.value })}
        >
          <option value="">{t('sync.chooseExam')}</option>
          {exams.map((exam) =>
            exam.uploadMode === CAN_TAKE_COPIES ? (
              <option key={exam.id} value={exam.id}>
                {t('sync.examOption', {
                  name: exam.name,
                  date: exam.date ?? t('sync.noDate'),
                  received: exam.received ?? 0,
                })}
              </option>
            ) : (
              <option key={exam.id} value={exam.id} disabled>
                {t('sync.wrongMode', { name: exam.name, mode: exam.uploadMode })}
              </option>
            ),
          )}
          <option value="new">{t('sync.createExam')}</option>
        </select>
      </label>
      {pick.choice === 'new' && (
        <div className="sync-new-exam">
          <label>
            {t('sync.newName')}
            <input
              type="text"
              aria-label={t('sync.newName')}
              value={pick.name}
              onChange={(event) => onChange({ ...pick, name: event.currentTarget.value })}
            />
          </label>
          <label>
            {t('sync.newDate')}
            <input
              type="date"
              aria-label={t('sync.newDate')}
              value={pick.date}
              onChange={(event) => onChange({ ...pick, date: event.currentTarget.value })}
            />
          </label>
        </div>
      )}
    </>
  );
}
