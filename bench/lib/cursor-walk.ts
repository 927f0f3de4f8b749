// Walks every user of a tenant with cursor paging (AWS-CURSOR-START), one page at a time over a
// keep-alive connection, and times it.
import { Agent, request } from 'node:http';

import type { Target } from './target-process.ts';

export interface WalkFigures {
  pages: number;
  users: number;
  totalMs: number;
  pagesPerSecond: number;
}

interface CursorPage {
  Resources?: unknown[];
  nextCursor?: string;
}

function getJson(url: string, token: string, agent: Agent): Promise<CursorPage> {
  return new Promise((resolve, reject) => {
    const call = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200)
          reject(new Error(`cursor page answered ${res.statusCode}: ${text.slice(0, 200)}`));
        else resolve(JSON.parse(text) as CursorPage);
      });
    });
    call.on('error', reject);
    call.end();
  });
}

export async function walkUsers(target: Target, pageSize = 100): Promise<WalkFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  let pages = 0;
  let users = 0;
  let cursor = '';
  try {
    do {
      const url = `${target.scimBase}/Users?count=${pageSize}&cursor=${encodeURIComponent(cursor)}`;
      const page = await getJson(url, target.token, agent);
      pages += 1;
      users += page.Resources?.length ?? 0;
      cursor = page.nextCursor ?? '';
    } while (cursor !== '');
  } finally {
    agent.destroy();
  }
  const totalMs = performance.now() - started;
  return {
    pages,
    users,
    totalMs: Math.round(totalMs),
    pagesPerSecond: Math.round((pages / totalMs) * 1000),
  };
}
