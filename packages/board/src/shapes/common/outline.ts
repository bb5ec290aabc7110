import { z } from 'zod';

// Stroke and fill options shared by the geometric shapes (rect, ellipse).
export const FILLS = ['none', 'semi', 'solid'] as const;
export type Fill = (typeof FILLS)[number];
export const fillSchema = z.enum(FILLS);
export const strokeWidthSchema = z.number().min(0.5).max(200);
