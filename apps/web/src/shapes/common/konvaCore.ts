// What `react-konva` means in the web client's build (vite.config.ts aliases it here): react-konva
// over Konva's core and only the nodes Carton draws. The package's own entry registers every Konva
// node and filter (Transformer, TextPath, Star, Sprite, the 20 image filters…): 48 kB of minified
// code (11 kB brotli) that a board link's first frame waited for on a venue's overloaded wifi and
// that no page of Carton draws. A node not registered here fails only when drawn (react-konva draws an
// empty Group instead and logs « Konva has no node with the type … »): konvaCore.test.ts checks
// that every node the client's files import from react-konva is here.
import 'konva/lib/shapes/Arc.js';
import 'konva/lib/shapes/Arrow.js';
import 'konva/lib/shapes/Circle.js';
import 'konva/lib/shapes/Ellipse.js';
import 'konva/lib/shapes/Image.js';
import 'konva/lib/shapes/Label.js';
import 'konva/lib/shapes/Line.js';
import 'konva/lib/shapes/Rect.js';
import 'konva/lib/shapes/Text.js';

export * from 'react-konva/lib/ReactKonvaCore.js';

/**
 * react-konva's components this build can draw: Konva's core (Stage, Layer, FastLayer, Group,
 * Shape) and the nodes imported above (Label comes with its Tag).
 */
export const KONVA_NODES = [
  'Stage',
  'Layer',
  'FastLayer',
  'Group',
  'Shape',
  'Arc',
  'Arrow',
  'Circle',
  'Ellipse',
  'Image',
  'Label',
  'Tag',
  'Line',
  'Rect',
  'Text',
] as const;
