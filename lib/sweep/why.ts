// One line, Chinese and English, for every status of a swept report or list page.
import type { Message } from '../report';

const m = (zh: string, en: string): Message => ({ zh, en });

export const WHY = {
  report: (errors: number, warnings: number): Message =>
    errors + warnings === 0
      ? m('已读取：未发现不一致', 'Read: no inconsistency found')
      : m(`已读取：${errors} 处错误，${warnings} 处警告`, `Read: ${errors} error(s), ${warnings} warning(s)`),
  notReport: (title: string): Message =>
    m(`此页面不是政府信息公开工作年度报告${title ? `（标题：${title}）` : ''}`, `Not an annual report on government information disclosure${title ? ` (title: ${title})` : ''}`),
  httpError: (status: number): Message => m(`服务器返回错误 HTTP ${status}`, `The server answered HTTP ${status}`),
  network: (detail: string): Message => m(`请求失败（${detail}）`, `The request failed (${detail})`),
  timeout: (seconds: number): Message => m(`${seconds} 秒内没有响应`, `No answer within ${seconds} s`),
  login: m('返回的是登录页面，需登录后才能查看', 'The answer is a login page: the report needs a login'),
  otherSite: (host: string): Message => m(`不在本站（${host}），未读取`, `On another site (${host}): not read`),
  redirectedAway: (host: string): Message => m(`被重定向到其他网站（${host}），未读取`, `Redirected to another site (${host}): not read`),
  limit: (max: number): Message => m(`超过本次读取上限（${max} 篇），未读取`, `Past this sweep's limit (${max} reports): not read`),
  pageLimit: (max: number): Message => m(`超过列表页上限（${max} 页），未读取`, `Past the limit of list pages (${max}): not read`),
  stopped: m('已停止，未读取', 'Stopped before it was read'),
  noFileReader: (ext: string): Message => m(`${ext.toUpperCase()} 文件在此处无法读取`, `${ext.toUpperCase()} files cannot be read here`),
  tooLarge: (mb: number): Message => m(`文件过大（超过 ${mb} MB），未读取`, `Too large (over ${mb} MB): not read`),
  notAKind: (kind: string): Message => m(`返回的内容（${kind}）不是网页或报告文件`, `The answer (${kind}) is neither a page nor a report file`),
  noFigures: m('没有读到表二、表三、表四的数字', 'No figures of tables 2, 3 or 4 were read'),
  listRead: (n: number): Message => m(`列出 ${n} 篇报告`, `${n} report(s) listed`),
  notList: m('此页没有列出年度报告', 'This page lists no annual report'),
};

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 60);
  }
}
