"""quiz versions and sharing: quizzes.version, previous_id, shared; questions.origin_id

Revision ID: 9b1e4c2a7d10
Revises: 343b17264e07
Create Date: 2026-11-30 16:05:00

Existing sets become version 1, not shared; existing questions are originals. The server defaults
only fill existing rows and are dropped afterwards (the models keep Python defaults).
"""
from alembic import op
import sqlalchemy as sa


revision = '9b1e4c2a7d10'
down_revision = '343b17264e07'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shared', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('previous_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint('uq_quizzes_previous_id', ['previous_id'])
        batch_op.create_foreign_key('fk_quizzes_previous_id_quizzes', 'quizzes', ['previous_id'], ['id'])
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.alter_column('shared', server_default=None)
        batch_op.alter_column('version', server_default=None)
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_questions_origin_id_questions', 'questions', ['origin_id'], ['id'])


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_constraint('fk_questions_origin_id_questions', type_='foreignkey')
        batch_op.drop_column('origin_id')
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.drop_constraint('fk_quizzes_previous_id_quizzes', type_='foreignkey')
        batch_op.drop_constraint('uq_quizzes_previous_id', type_='unique')
        batch_op.drop_column('previous_id')
        batch_op.drop_column('version')
        batch_op.drop_column('shared')
