import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckResult, ChecksReport } from '../../main/contract/checks';
import { messageOf, useApi } from '../api';

export interface CheckRowState {
  id: string;
  title: string;
  state: 'running' | 'done';
  result: CheckResult | null;
}

/** Runs the device checks and follows main's per-check progress events while they run. */
export function useCheckRun() {
  const api = useApi();
  const [rows, setRows] = useState<CheckRowState[]>([]);
  const [report, setReport] = useState<ChecksReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const active = useRef(false);

  useEffect(
    () =>
      api.onCheckProgress((event) => {
        if (!active.current) return;
        if (event.type === 'start') {
          setRows((r) =>
            r.some((row) => row.id === event.id)
              ? r
              : [...r, { id: event.id, title: event.title, state: 'running', result: null }],
          );
        } else {
          const { result } = event;
          setRows((r) => {
            const done: CheckRowState = { id: result.id, title: result.title, state: 'done', result };
            return r.some((row) => row.id === result.id)
              ? r.map((row) => (row.id === result.id ? done : row))
              : [...r, done];
          });
          setAnnouncement(`${result.title}: ${result.status === 'pass' ? 'passed' : result.summary}`);
        }
      }),
    [api],
  );

  const run = useCallback(async () => {
    active.current = true;
    setRunning(true);
    setRows([]);
    setReport(null);
    setError(null);
    try {
      const finished = await api.runChecks({});
      setReport(finished);
      setRows(
        finished.checks.map((result) => ({ id: result.id, title: result.title, state: 'done', result })),
      );
      return finished;
    } catch (e) {
      setError(messageOf(e));
      return null;
    } finally {
      active.current = false;
      setRunning(false);
    }
  }, [api]);

  return { rows, report, running, error, announcement, run };
}
