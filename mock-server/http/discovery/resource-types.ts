// AWS-DISCOVERY-RESOURCE-TYPES: User (with the enterprise extension, required:true as DG-RT
// shows it) and Group (RFC 7643 §6).
import { ENTERPRISE_USER_URN, GROUP_URN, RESOURCE_TYPE_URN, USER_URN } from '../../../scim/urns.ts';

export const RESOURCE_TYPES = Object.freeze([
  {
    schemas: [RESOURCE_TYPE_URN],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'User Account',
    schema: USER_URN,
    schemaExtensions: [{ schema: ENTERPRISE_USER_URN, required: true }],
    meta: { resourceType: 'ResourceType' },
  },
  {
    schemas: [RESOURCE_TYPE_URN],
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'Group',
    schema: GROUP_URN,
    meta: { resourceType: 'ResourceType' },
  },
]);
