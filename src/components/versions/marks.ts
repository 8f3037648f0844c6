import type { InjectionKey, Ref } from 'vue'
import type { CarryMark } from '@/domain/assessment/carry'

/**
 * The items a round carried over to a newer version marks as changed or new, by item key: given
 * by the rating page, read by each rating card (none given elsewhere, so no card is marked).
 */
export const CARRY_MARKS: InjectionKey<Readonly<Ref<ReadonlyMap<string, CarryMark>>>> =
  Symbol('carry-marks')
