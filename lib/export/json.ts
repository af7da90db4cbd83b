// JSON: always an array of reports (one report too), so a file of one and a batch of many read
// the same way; 2-space indent for people who open it.
import type { Report } from '../report';

export function toJson(reports: Report | Report[]): string {
  return JSON.stringify(Array.isArray(reports) ? reports : [reports], null, 2);
}
