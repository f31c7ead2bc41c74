// The part of bpmn-moddle (ES module, no declarations for its class) this library uses. Elements are
// read through narrow interfaces where they are used.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    $attrs: Record<string, string>;
    get(name: string): unknown;
  }
  export interface ModdleWarning {
    message: string;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ModdleWarning[];
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    create(type: string, properties?: Record<string, unknown>): ModdleElement;
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
