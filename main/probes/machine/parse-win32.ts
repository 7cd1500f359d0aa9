import { field, flag, integer, rowsOf, strings, text, type JsonRow } from '../json-rows';
import type { MachineInfo } from './machine';

function first(value: unknown): JsonRow {
  return rowsOf(value)[0] ?? {};
}

/**
 * Win32_ComputerSystem (+ Product, BIOS, BaseBoard, Processor, SystemEnclosure) and running kernel
 * drivers. HypervisorPresent is also true on bare metal running Hyper-V or VBS: the firmware vendor
 * and model say which.
 */
export function machineFromWin32(value: unknown): MachineInfo {
  const system = first(field(value, 'ComputerSystem'));
  const product = first(field(value, 'ComputerSystemProduct'));
  const bios = first(field(value, 'BIOS'));
  const board = first(field(value, 'BaseBoard'));
  const enclosure = first(field(value, 'Enclosure'));
  const chassisTypes: unknown = enclosure.ChassisTypes;
  const chassis: unknown = Array.isArray(chassisTypes) ? (chassisTypes as unknown[])[0] : chassisTypes;
  const drivers = field(value, 'Drivers');
  return {
    hypervisorPresent: flag(system, 'HypervisorPresent') ?? false,
    hypervisorVendor: null,
    cpuModel: text(first(field(value, 'Processor')), 'Name'),
    sysVendor: text(system, 'Manufacturer'),
    productName: text(system, 'Model'),
    productVersion: text(product, 'Version'),
    boardVendor: text(board, 'Manufacturer'),
    biosVendor: text(bios, 'Manufacturer'),
    chassisType: typeof chassis === 'number' ? chassis : integer({ chassis }, 'chassis'),
    drivers: typeof drivers === 'string' ? [drivers] : strings({ drivers }, 'drivers'),
  };
}
