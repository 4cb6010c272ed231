import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import { useInvalidateWithAudit } from '../../../app/api/invalidate';

export interface Category {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DimensionValue {
  id: number;
  dimensionId: number;
  code: string;
  name: string;
  active: boolean;
}

export interface Dimension {
  id: number;
  code: string;
  name: string;
  active: boolean;
  values: DimensionValue[];
}

export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'choice', 'multi_choice'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];
export const hasOptions = (kind: CustomFieldKind): boolean => kind === 'choice' || kind === 'multi_choice';

export interface CustomField {
  id: number;
  /** null: every ticket type. */
  typeId: number | null;
  key: string;
  label: string;
  kind: CustomFieldKind;
  options: string[];
  required: boolean;
  sortOrder: number;
  active: boolean;
}

export type CodeNameInput = { code: string; name: string; active: boolean };


export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: ({ signal }) => api.get<{ items: Category[] }>('/categories', { active: 'all' }, signal),
  });
}

export function useSaveCategory() {
  const onSuccess = useInvalidateWithAudit(['categories']);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<Pick<Category, 'parentId' | 'name' | 'active'>> }) =>
      id === null ? api.post<Category>('/categories', body) : api.patch<Category>(`/categories/${id}`, body),
    onSuccess,
  });
}

export function useDimensions() {
  return useQuery({
    queryKey: ['dimensions'],
    queryFn: ({ signal }) => api.get<{ items: Dimension[] }>('/dimensions', { active: 'all' }, signal),
  });
}

export function useSaveDimension() {
  const onSuccess = useInvalidateWithAudit(['dimensions']);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<CodeNameInput> }) =>
      id === null ? api.post<Dimension>('/dimensions', body) : api.patch<Dimension>(`/dimensions/${id}`, body),
    onSuccess,
  });
}

export function useSaveDimensionValue() {
  const onSuccess = useInvalidateWithAudit(['dimensions']);
  return useMutation({
    mutationFn: ({ dimensionId, id, body }: { dimensionId: number; id: number | null; body: Partial<CodeNameInput> }) =>
      id === null ? api.post<DimensionValue>(`/dimensions/${dimensionId}/values`, body) : api.patch<DimensionValue>(`/dimension-values/${id}`, body),
    onSuccess,
  });
}

/** typeId: that type's fields and the global ones; omitted: every field. */
export function useCustomFields(typeId?: number) {
  return useQuery({
    queryKey: ['custom-fields', typeId ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: CustomField[] }>('/custom-fields', { typeId, active: 'all' }, signal),
  });
}

export type CustomFieldInput = Omit<CustomField, 'id'>;

export function useSaveCustomField() {
  const onSuccess = useInvalidateWithAudit(['custom-fields']);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<CustomFieldInput> }) =>
      id === null ? api.post<CustomField>('/custom-fields', body) : api.patch<CustomField>(`/custom-fields/${id}`, body),
    onSuccess,
  });
}
