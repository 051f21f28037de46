import type { NextFunction, Request, Response } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    user: { id: string };
  }
}

/** Lets a request through only with a valid session; the tool's routes put it in front. */
export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const user = sessionUser(req.header('authorization'));
  if (!user) {
    res.status(401).json({ error: 'sign in first' });
    return;
  }
  req.user = user;
  next();
}

declare function sessionUser(authorization: string | undefined): { id: string } | undefined;
