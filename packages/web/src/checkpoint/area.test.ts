import { describe, expect, it } from 'vitest';
import type { AreaList } from './api.js';
import { findStaff, findUnit, lookup } from './area.js';

const area: AreaList = {
  version: '3',
  units: [
    {
      taxCode: '0100233488',
      name: 'Công ty TNHH Thực phẩm Đức Giang',
      status: 'approved',
      staff: [
        { idNumber: '001190012345', fullName: 'Nguyễn Thị Quỳnh Anh', serials: ['0125/GĐĐ'] },
        { idNumber: '012345678', fullName: 'Trần Văn Bình', serials: ['0126/GĐĐ', '0131/GĐĐ'] },
      ],
    },
    {
      taxCode: '0101234560',
      name: 'Hợp tác xã Rau sạch',
      status: 'suspended',
      staff: [{ idNumber: 'B1234567', fullName: 'Lê Văn Cường', serials: ['125/HTX'] }],
    },
  ],
};

describe('area list look-ups', () => {
  it('finds a unit by tax code and a person by document number', () => {
    const unit = findUnit(area, '0100233488');
    expect(unit?.name).toContain('Đức Giang');
    expect(findUnit(area, '0000000000')).toBeNull();
    expect(findUnit(null, '0100233488')).toBeNull();
    expect(findStaff(unit!, ' 0011 9001 2345 ')?.fullName).toBe('Nguyễn Thị Quỳnh Anh');
    expect(findStaff(unit!, '001190099999')).toBeNull();
    expect(findStaff(unit!, '')).toBeNull();
  });

  it('looks up a typed serial, exactly or by its number across units', () => {
    expect(lookup(area, '0126/gđđ').map((m) => m.staff.fullName)).toEqual(['Trần Văn Bình']);
    expect(lookup(area, '0131/GĐĐ')[0]).toMatchObject({ by: 'serial', serial: '0131/GĐĐ' });
    const byNumber = lookup(area, '125');
    expect(byNumber.map((m) => m.unit.taxCode)).toEqual(['0100233488', '0101234560']);
  });

  it('looks up a document number', () => {
    expect(lookup(area, 'b1234567')).toMatchObject([{ by: 'idNumber', unit: { status: 'suspended' } }]);
    expect(lookup(area, '012345678')[0]?.staff.fullName).toBe('Trần Văn Bình');
    expect(lookup(area, '999')).toEqual([]);
    expect(lookup(area, '   ')).toEqual([]);
    expect(lookup(null, '0125')).toEqual([]);
  });
});
