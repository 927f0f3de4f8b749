// Builds RFC 7643 §7 attribute definitions with the RFC's defaults, so each schema lists only
// what differs (required, caseExact, multi-valued, sub-attributes).

export interface AttributeOptions {
  type?: 'string' | 'boolean' | 'complex' | 'reference';
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  uniqueness?: 'none' | 'server' | 'global';
  referenceTypes?: string[];
  subAttributes?: Record<string, unknown>[];
}

export function attribute(name: string, options: AttributeOptions = {}): Record<string, unknown> {
  const definition: Record<string, unknown> = {
    name,
    type: options.type ?? 'string',
    multiValued: options.multiValued ?? false,
    required: options.required ?? false,
    caseExact: options.caseExact ?? false,
    mutability: options.mutability ?? 'readWrite',
    returned: 'default',
    uniqueness: options.uniqueness ?? 'none',
  };
  if (options.referenceTypes) definition.referenceTypes = options.referenceTypes;
  if (options.subAttributes) definition.subAttributes = options.subAttributes;
  return definition;
}

/** A multi-valued complex attribute holding the named string sub-attributes (and `primary`). */
export function multiValued(name: string, subNames: string[], primary: boolean) {
  const subAttributes = subNames.map((sub) => attribute(sub));
  if (primary) subAttributes.push(attribute('primary', { type: 'boolean' }));
  return attribute(name, { type: 'complex', multiValued: true, subAttributes });
}
